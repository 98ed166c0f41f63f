package org.xtaserver.osci.client;

import java.util.List;
import java.util.Optional;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.osci.message.ProcessCardSelection;

/**
 * An explicit OSCI 1.2 dialog with one postbox at an intermediary, as fetching recipient (one-way-active).
 * Not thread-safe: one dialog is a strict request/response sequence. Every method throws {@link OsciException}
 * subtypes: {@link OsciFeedbackException} (intermediary error code), {@link OsciSecurityException} (response not
 * trustworthy), {@link OsciTransportException} (network). After any exception the dialog is unusable; open a new one.
 */
public interface OsciPostboxClient extends AutoCloseable {

    /** InitDialog; returns the ConversationId. */
    String openDialog();

    /** FetchProcessCard; the intermediary records nothing. */
    List<ProcessCard> listProcessCards(ProcessCardSelection selection);

    /** FetchDelivery by id; the intermediary records Reception. 9803/9804 are thrown as feedback exceptions. */
    FetchedDelivery fetchDelivery(OsciMessageId messageId);

    /** FetchDelivery without rule (oldest waiting); empty on 9803. */
    Optional<FetchedDelivery> fetchNext();

    /** ExitDialog if a dialog is open; never throws for a dialog already broken. */
    @Override
    void close();
}
