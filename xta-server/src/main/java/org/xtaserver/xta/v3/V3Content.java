package org.xtaserver.xta.v3;

import jakarta.activation.DataHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xtaserver.message.CanonicalXml;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.NewPart;
import org.xtaserver.message.PartAttributes;
import org.xtaserver.message.PartRole;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.StoredPart;
import org.xtaserver.message.XtaError;
import org.xtaserver.store.MessageStore;
import org.xtaserver.wsdl.v3.ContentType;
import org.xtaserver.wsdl.v3.GenericContentContainer;

/**
 * xta:GenericContentContainer to and from stored parts. Binary parts stream in both directions;
 * an xenc:EncryptedData element is kept as its exclusive canonical form, never decrypted.
 */
final class V3Content {

	private static final String XOP_NS = "http://www.w3.org/2004/08/xop/include";

	static final String XENC_NS = "http://www.w3.org/2001/04/xmlenc#";

	private final MessageStore store;

	private final CanonicalXml xml;

	/** Largest single plain part in bytes (xta.soap.attachment-max-size); -1 for no limit. */
	private final long maxPartBytes;

	/**
	 * Messages whose parts together are no larger (xta.soap.attachment-memory-threshold) are read
	 * from the store before the answer starts: once an MTOM answer streams, a database failure can
	 * only break the connection, not become the declared XTAWSTechnicalProblem fault.
	 */
	private final long prefetchBytes;

	V3Content(MessageStore store, CanonicalXml xml) {
		this(store, xml, -1, 0);
	}

	V3Content(MessageStore store, CanonicalXml xml, long maxPartBytes, long prefetchBytes) {
		this.store = store;
		this.xml = xml;
		this.maxPartBytes = maxPartBytes;
		this.prefetchBytes = prefetchBytes;
	}

	record Parts(ContentKind kind, List<NewPart> parts) {
	}

	Parts toParts(GenericContentContainer container) {
		if (container == null) {
			throw XtaError.MISSING_PARAMETER.failure("GenericContentContainer");
		}
		if (container.getEncryptedData() != null) {
			Element encrypted = container.getEncryptedData();
			if (!XENC_NS.equals(encrypted.getNamespaceURI()) || !"EncryptedData".equals(encrypted.getLocalName())) {
				throw XtaError.SCHEMA_VIOLATION.failure("GenericContentContainer holds neither xenc:EncryptedData nor ContentContainer");
			}
			byte[] canonical = this.xml.exclusive(inlineXop(encrypted));
			return new Parts(ContentKind.ENCRYPTED, List.of(new NewPart(PartRole.ENCRYPTED_DATA, PartAttributes.none(),
					new ByteArrayInputStream(canonical))));
		}
		GenericContentContainer.ContentContainer plain = container.getContentContainer();
		if (plain == null || plain.getMessage() == null) {
			throw XtaError.MISSING_PARAMETER.failure("ContentContainer/Message");
		}
		List<NewPart> parts = new ArrayList<>();
		parts.add(limited(part(PartRole.MESSAGE, plain.getMessage())));
		for (ContentType attachment : plain.getAttachment()) {
			parts.add(limited(part(PartRole.ATTACHMENT, attachment)));
		}
		return new Parts(ContentKind.PLAIN, parts);
	}

	/**
	 * CXF applies attachment-max-size only to MIME parts it buffers; the last part of a request is
	 * streamed straight to the store unchecked. The limit is therefore enforced here, for every part.
	 */
	private NewPart limited(NewPart part) {
		if (this.maxPartBytes < 0) {
			return part;
		}
		long max = this.maxPartBytes;
		return new NewPart(part.role(), part.attributes(), new java.io.FilterInputStream(part.content()) {

			private long count;

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					counted(1);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					counted(n);
				}
				return n;
			}

			private void counted(int n) {
				this.count += n;
				if (this.count > max) {
					throw XtaError.MESSAGE_TOO_LARGE.failure("a part exceeds xta.soap.attachment-max-size (" + max + " bytes)");
				}
			}
		});
	}

	private static NewPart part(PartRole role, ContentType content) {
		if (content.getValue() == null) {
			throw XtaError.MISSING_PARAMETER.failure(role == PartRole.MESSAGE ? "Message" : "Attachment");
		}
		if (content.getContentType() == null || content.getContentType().isBlank()) {
			throw XtaError.MISSING_PARAMETER.failure("contentType");
		}
		Long declared = (content.getSize() == null) ? null : content.getSize().longValueExact();
		PartAttributes attributes = new PartAttributes(content.getContentType(), content.getContentDescription(),
				content.getEncoding(), content.getFilename(), content.getId(), content.getLang(), declared);
		try {
			return new NewPart(role, attributes, content.getValue().getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalStateException ex) {
			// CXF's LazyDataSource: an xop:Include names a MIME part the request does not have
			// (missing or truncated multipart body). A client error, not a technical problem.
			throw XtaError.INVALID_PARAMETER.failure("MTOM part referenced by xop:Include is missing");
		}
	}

	GenericContentContainer toV3(StoredMessage message) {
		return toV3(message, Map.of());
	}

	/** {@code contents}: content already read with the message, by content id; the rest is read here. */
	GenericContentContainer toV3(StoredMessage message, Map<Long, byte[]> contents) {
		GenericContentContainer container = new GenericContentContainer();
		if (message.kind() == ContentKind.ENCRYPTED) {
			container.setEncryptedData(parse(message.parts().get(0), contents));
			return container;
		}
		GenericContentContainer.ContentContainer plain = new GenericContentContainer.ContentContainer();
		boolean prefetch = message.parts().stream().mapToLong(StoredPart::size).sum() <= this.prefetchBytes;
		for (StoredPart part : message.parts()) {
			ContentType content = new ContentType();
			PartAttributes a = part.attributes();
			content.setContentType(a.contentType());
			content.setContentDescription(a.contentDescription());
			content.setEncoding(a.encoding());
			content.setFilename(a.filename());
			content.setId(a.id());
			content.setLang(a.lang());
			content.setSize(BigInteger.valueOf(part.size()));
			content.setValue(new DataHandler(source(part, contents, prefetch)));
			if (part.role() == PartRole.MESSAGE) {
				plain.setMessage(content);
			}
			else {
				plain.getAttachment().add(content);
			}
		}
		container.setContentContainer(plain);
		return container;
	}

	/** The part's content: as read with the message if it was, else read now ({@code prefetch}) or streamed. */
	private StoredContentDataSource source(StoredPart part, Map<Long, byte[]> contents, boolean prefetch) {
		byte[] read = contents.get(part.contentId());
		if (read != null) {
			return StoredContentDataSource.read(this.store, part.contentId(), read);
		}
		return prefetch ? StoredContentDataSource.prefetched(this.store, part.contentId())
				: StoredContentDataSource.streaming(this.store, part.contentId());
	}

	private Element parse(StoredPart part, Map<Long, byte[]> contents) {
		try (InputStream in = source(part, contents, false).getInputStream()) {
			return this.xml.parse(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("stored EncryptedData cannot be read", ex);
		}
	}

	/**
	 * A client with MTOM on may send CipherValue as an XOP attachment; the element is kept with the
	 * bytes inlined as base64, as if MTOM had been off.
	 */
	private static Element inlineXop(Element element) {
		NodeList includes = element.getElementsByTagNameNS(XOP_NS, "Include");
		if (includes.getLength() == 0) {
			return element;
		}
		Message message = PhaseInterceptorChain.getCurrentMessage();
		Collection<Attachment> attachments = (message == null) ? null : message.getAttachments();
		List<Node> found = new ArrayList<>();
		for (int i = 0; i < includes.getLength(); i++) {
			found.add(includes.item(i));
		}
		for (Node include : found) {
			String href = ((Element) include).getAttribute("href");
			String cid = URLDecoder.decode(href.startsWith("cid:") ? href.substring(4) : href, StandardCharsets.UTF_8);
			Attachment attachment = (attachments == null) ? null
					: attachments.stream().filter((a) -> cid.equals(a.getId())).findFirst().orElse(null);
			if (attachment == null) {
				throw XtaError.SCHEMA_VIOLATION.failure("xop:Include refers to a missing MIME part");
			}
			try (InputStream in = attachment.getDataHandler().getInputStream()) {
				String base64 = Base64.getEncoder().encodeToString(in.readAllBytes());
				include.getParentNode().replaceChild(include.getOwnerDocument().createTextNode(base64), include);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return element;
	}
}
