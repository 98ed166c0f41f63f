package org.xtaserver.store;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.NewMessage;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.TransportEvent;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/**
 * The durable store of messages, their content and their transport history.
 *
 * <p>Durability is part of the contract: every method that changes state returns only after its
 * change is committed. Content is stored byte for byte and streamed in both directions.
 */
public interface MessageStore {

	/**
	 * Reserves {@code id} for {@code author} of {@code tenant} as a row. Committed on return.
	 * createMessageId reserves without a row now ({@code MessageIdReservations}); rows written by
	 * earlier versions are still honoured by {@link #acceptReserved}.
	 */
	void reserve(MessageId id, TenantId tenant, PartyId author, Instant at);

	/**
	 * Accepts a message sent through XTA whose id is reserved as a row: the id must have been
	 * reserved by the same author and not used yet. On return the message, all its content and its
	 * first transport events are committed.
	 * @throws MessageIdNotReservedException when the id is not reserved for this author
	 * @throws DuplicateMessageException when a message with this id was already accepted
	 */
	default StoredMessage acceptReserved(NewMessage message, Instant at) {
		return acceptReserved(message, at, (stored) -> {
		});
	}

	/**
	 * As {@link #acceptReserved(NewMessage, Instant)}; {@code sameTransaction} runs inside the
	 * transaction that commits the message (its audit entry), so both commit together, in one
	 * commit.
	 */
	StoredMessage acceptReserved(NewMessage message, Instant at, Consumer<StoredMessage> sameTransaction);

	/**
	 * Accepts a message whose id needs no reservation row: from another transport (OSCI), or sent
	 * through XTA with an id that carries its reservation.
	 * @throws DuplicateMessageException when a message with this id was already accepted
	 */
	default StoredMessage acceptUnreserved(NewMessage message, Instant at) {
		return acceptUnreserved(message, at, (stored) -> {
		});
	}

	/** As {@link #acceptUnreserved(NewMessage, Instant)}, with {@code sameTransaction} as in {@link #acceptReserved}. */
	StoredMessage acceptUnreserved(NewMessage message, Instant at, Consumer<StoredMessage> sameTransaction);

	Optional<StoredMessage> find(MessageId id);

	/**
	 * As {@link #find}, with the content of the parts of at most {@link MessageWithSmallContent#MAX_BYTES}
	 * read in the same statement: for getMessage, which sends it right after.
	 */
	Optional<MessageWithSmallContent> findWithSmallContent(MessageId id);

	/** The message that came from {@code source} with the id {@code sourceKey} into a tenant's postbox. */
	Optional<StoredMessage> findBySource(TenantId readerTenant, MessageSource source, String sourceKey);

	/** The transport history of a message, oldest first. */
	List<TransportEvent> history(StoredMessage message);

	/**
	 * Messages offered in a postbox (not closed or cancelled), by ascending key after
	 * {@code afterKey}, at most {@code limit}.
	 */
	PostboxPage list(PostboxQuery query, long afterKey, int limit);

	/**
	 * As {@link #list}, for listings that show messages without their content (getStatusList): the
	 * messages come without their parts ({@link StoredMessage#parts()} is empty), which are then not
	 * read. Everything else, {@link StoredMessage#contentSize()} among it, is as {@link #list} has it.
	 */
	PostboxPage listWithoutParts(PostboxQuery query, long afterKey, int limit);

	/** Streams the bytes of one stored content part; the caller closes the stream. */
	InputStream openContent(long contentId);

	/** Records that the reader fetched the message (first time: InitialFetch). */
	StoredMessage markFetched(StoredMessage message, Instant at);

	/** Closes a fetched message (Reception). */
	StoredMessage close(StoredMessage message, Instant at);

	/**
	 * Closes the message {@code id} (Reception) if it is fetched and addressed to {@code reader} of
	 * {@code readerTenant}, without reading it first: the usual close of a reader's own fetched
	 * message costs no lookup. {@code false} when nothing was closed (unknown id, another postbox,
	 * not fetched, closed already); the caller then reads the message to tell which.
	 */
	boolean closeFetched(MessageId id, TenantId readerTenant, PartyId reader, Instant at);

	/** Cancels a message not yet fetched. {@code false} when it was fetched meanwhile. */
	boolean cancel(StoredMessage message, Instant at);

	/**
	 * Deletes at most {@code limit} messages of a reader tenant that were closed or cancelled before
	 * {@code before}, with their content and history, in one short transaction; returns how many.
	 */
	int purgeFinished(TenantId readerTenant, Instant before, int limit);

	/** Per postbox of a tenant: messages waiting (not closed) and the entry time of the oldest. */
	List<PostboxBacklog> backlog();
}
