package org.xtaserver.xta.v3;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Enforces the XML limits of the SOAP edge on every request, whatever the StAX parser: element
 * depth, attributes per element and the size of the SOAP header (characters of names, attribute
 * values and text). CXF's per-endpoint {@code org.apache.cxf.stax.*} properties reach Woodstox only
 * after its reader was created, which is too late for the attribute limit, and CXF has no limit
 * for the header alone: a 60 MB header was read into memory whole. Exceeding a limit ends the
 * parse with a SOAP Sender fault before the oversized part is kept.
 */
final class V3XmlLimits extends AbstractPhaseInterceptor<Message> {

	private final int maxElementDepth;

	private final int maxAttributeCount;

	private final long maxHeaderCharacters;

	V3XmlLimits(int maxElementDepth, int maxAttributeCount, long maxHeaderCharacters) {
		super(Phase.POST_STREAM);
		addAfter(StaxInInterceptor.class.getName());
		this.maxElementDepth = maxElementDepth;
		this.maxAttributeCount = maxAttributeCount;
		this.maxHeaderCharacters = maxHeaderCharacters;
	}

	@Override
	public void handleMessage(Message message) {
		XMLStreamReader reader = message.getContent(XMLStreamReader.class);
		if (reader != null && !(reader instanceof Limited)) {
			message.setContent(XMLStreamReader.class, new Limited(reader, this));
		}
	}

	/**
	 * Reads the rest of the envelope after the operation's parameters were unmarshalled, so that a
	 * truncated or malformed envelope is refused even where the operation needs nothing after the
	 * point of the error (an empty body, say).
	 */
	static final class ReadToEnd extends AbstractPhaseInterceptor<Message> {

		ReadToEnd() {
			super(Phase.POST_LOGICAL);
		}

		@Override
		public void handleMessage(Message message) {
			XMLStreamReader reader = message.getContent(XMLStreamReader.class);
			if (reader == null) {
				return;
			}
			try {
				while (reader.hasNext()) {
					reader.next();
				}
			}
			catch (XMLStreamException ex) {
				org.apache.cxf.interceptor.Fault fault = new org.apache.cxf.interceptor.Fault(ex);
				fault.setFaultCode(org.apache.cxf.interceptor.Fault.FAULT_CODE_CLIENT);
				throw fault;
			}
		}
	}

	/** The request's reader, counting as it goes. */
	static final class Limited extends StreamReaderDelegate {

		private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

		private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

		private static final String XTA = "http://xoev.de/transport/xta/211";

		private final V3XmlLimits limits;

		private int depth;

		private boolean inHeader;

		private long headerCharacters;

		/** Depth of the xta:Message or xta:Attachment whose inline base64 text is being read, or 0. */
		private int base64Depth;

		Limited(XMLStreamReader reader, V3XmlLimits limits) {
			super(reader);
			this.limits = limits;
			if (reader.getEventType() == START_ELEMENT) {
				// CXF may hand over a reader already positioned on the Envelope.
				this.depth = 1;
			}
		}

		@Override
		public int next() throws XMLStreamException {
			int event = super.next();
			switch (event) {
				case DTD -> throw new XMLStreamException("DTDs are not allowed", getLocation());
				case START_ELEMENT -> started();
				case END_ELEMENT -> {
					if (this.inHeader && this.depth == 2) {
						this.inHeader = false;
					}
					if (this.depth == this.base64Depth) {
						this.base64Depth = 0;
					}
					this.depth--;
				}
				case CHARACTERS, CDATA, SPACE, COMMENT -> {
					if (this.inHeader) {
						countHeader(getTextLength());
					}
					if (this.base64Depth > 0 && this.depth == this.base64Depth && event != COMMENT) {
						requireBase64();
					}
				}
				default -> {
					// other events carry no content worth counting
				}
			}
			return event;
		}

		private void started() throws XMLStreamException {
			this.depth++;
			if (this.depth == 1 && SOAP11.equals(getNamespaceURI())) {
				throw new XMLStreamException("SOAP 1.1 is not supported; use SOAP 1.2", getLocation());
			}
			if (this.depth > this.limits.maxElementDepth) {
				throw new XMLStreamException("Maximum element depth (" + this.limits.maxElementDepth + ") exceeded",
						getLocation());
			}
			int attributes = getAttributeCount();
			if (attributes > this.limits.maxAttributeCount) {
				throw new XMLStreamException("Maximum attribute count (" + this.limits.maxAttributeCount
						+ ") per element exceeded", getLocation());
			}
			if (this.depth == 2) {
				QName name = getName();
				this.inHeader = "Header".equals(name.getLocalPart())
						&& (SOAP12.equals(name.getNamespaceURI()) || SOAP11.equals(name.getNamespaceURI()));
			}
			if (XTA.equals(getNamespaceURI())
					&& ("Message".equals(getLocalName()) || "Attachment".equals(getLocalName()))) {
				this.base64Depth = this.depth;
			}
			if (this.inHeader) {
				long size = getLocalName().length();
				for (int i = 0; i < attributes; i++) {
					size += getAttributeLocalName(i).length() + getAttributeValue(i).length();
				}
				countHeader(size);
			}
		}

		/**
		 * JAXB decodes inline base64 leniently, skipping characters outside the alphabet, so
		 * {@code !!!not*base64###} would be stored as some other bytes. Refused here instead.
		 */
		private void requireBase64() throws XMLStreamException {
			char[] text = getTextCharacters();
			int start = getTextStart();
			int end = start + getTextLength();
			for (int i = start; i < end; i++) {
				char c = text[i];
				boolean valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
						|| c == '/' || c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
				if (!valid) {
					throw new XMLStreamException("content is not valid base64", getLocation());
				}
			}
		}

		private void countHeader(long characters) throws XMLStreamException {
			this.headerCharacters += characters;
			if (this.headerCharacters > this.limits.maxHeaderCharacters) {
				throw new XMLStreamException("SOAP header larger than " + this.limits.maxHeaderCharacters + " characters",
						getLocation());
			}
		}

		/** Through {@link #next()}, so that the limits see every event. */
		@Override
		public int nextTag() throws XMLStreamException {
			int event = next();
			while ((event == CHARACTERS && isWhiteSpace()) || (event == CDATA && isWhiteSpace()) || event == SPACE
					|| event == PROCESSING_INSTRUCTION || event == COMMENT) {
				event = next();
			}
			if (event != START_ELEMENT && event != END_ELEMENT) {
				throw new XMLStreamException("expected a start or end tag", getLocation());
			}
			return event;
		}

		/** Through {@link #next()}, so that the limits see every event. */
		@Override
		public String getElementText() throws XMLStreamException {
			if (getEventType() != START_ELEMENT) {
				throw new XMLStreamException("not at a start element", getLocation());
			}
			StringBuilder text = new StringBuilder();
			int event = next();
			while (event != END_ELEMENT) {
				switch (event) {
					case CHARACTERS, CDATA, SPACE, ENTITY_REFERENCE -> text.append(getText());
					case PROCESSING_INSTRUCTION, COMMENT -> {
						// skipped, as XMLStreamReader#getElementText does
					}
					case END_DOCUMENT -> throw new XMLStreamException("unexpected end of document", getLocation());
					case START_ELEMENT -> throw new XMLStreamException("element text contains an element", getLocation());
					default -> throw new XMLStreamException("unexpected event " + event, getLocation());
				}
				event = next();
			}
			return text.toString();
		}
	}
}
