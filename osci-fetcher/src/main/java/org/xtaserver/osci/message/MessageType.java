package org.xtaserver.osci.message;

import java.util.Arrays;
import java.util.Optional;

/**
 * The OSCI 1.2 message types this codec handles, with the placement trap: some order blocks are SOAP
 * <em>header</em> blocks, others are in the Body.
 */
public enum MessageType {
    INIT_DIALOG("initDialog", false, "soapInitDialog.xsd"),
    RESPONSE_TO_INIT_DIALOG("responseToInitDialog", false, "soapResponseToInitDialog.xsd"),
    EXIT_DIALOG("exitDialog", false, "soapExitDialog.xsd"),
    RESPONSE_TO_EXIT_DIALOG("responseToExitDialog", false, "soapResponseToExitDialog.xsd"),
    FETCH_PROCESS_CARD("fetchProcessCard", false, "soapFetchProcessCard.xsd"),
    RESPONSE_TO_FETCH_PROCESS_CARD("responseToFetchProcessCard", false, "soapResponseToFetchProcessCard.xsd"),
    FETCH_DELIVERY("fetchDelivery", true, "soapFetchDelivery.xsd"),
    RESPONSE_TO_FETCH_DELIVERY("responseToFetchDelivery", true, "soapResponseToFetchDelivery.xsd"),
    GET_MESSAGE_ID("getMessageId", false, "soapGetMessageId.xsd"),
    RESPONSE_TO_GET_MESSAGE_ID("responseToGetMessageId", false, "soapResponseToGetMessageId.xsd"),
    STORE_DELIVERY("storeDelivery", true, "soapStoreDelivery.xsd"),
    RESPONSE_TO_STORE_DELIVERY("responseToStoreDelivery", true, "soapResponseToStoreDelivery.xsd");

    private final String element;
    private final boolean headerBlock;
    private final String schema;

    MessageType(String element, boolean headerBlock, String schema) {
        this.element = element;
        this.headerBlock = headerBlock;
        this.schema = schema;
    }

    /** Local name of the order block ({@code osci:} namespace). */
    public String element() {
        return element;
    }

    /** Whether the order block is a SOAP header block (else it is the Body's child). */
    public boolean headerBlock() {
        return headerBlock;
    }

    /** The {@code soap<Msg>.xsd} that defines the envelope. */
    public String schema() {
        return schema;
    }

    public boolean response() {
        return element.startsWith("responseTo");
    }

    /** Element Id as the reference library writes it (lower-case local name). */
    public String blockId() {
        return element.toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<MessageType> ofElement(String localName) {
        return Arrays.stream(values()).filter(t -> t.element.equals(localName)).findFirst();
    }
}
