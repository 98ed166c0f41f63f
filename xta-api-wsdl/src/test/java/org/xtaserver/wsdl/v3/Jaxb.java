package org.xtaserver.wsdl.v3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.attachment.AttachmentMarshaller;

/** One JAXB context over all generated packages, as CXF builds it for the SEIs. */
final class Jaxb {

    static final JAXBContext CONTEXT = create();

    private Jaxb() {
    }

    private static JAXBContext create() {
        try {
            return JAXBContext.newInstance(
                    ObjectFactory.class,
                    org.xtaserver.wsdl.v3.oscimeta.ObjectFactory.class,
                    org.xtaserver.wsdl.v3.osci.ObjectFactory.class,
                    org.xtaserver.wsdl.v3.xoev.ObjectFactory.class,
                    org.xtaserver.wsdl.v3.xenc.ObjectFactory.class,
                    org.xtaserver.wsdl.v3.xmldsig.ObjectFactory.class,
                    org.xtaserver.wsdl.v3.wsse.ObjectFactory.class,
                    org.apache.cxf.ws.addressing.ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] marshal(Object root) {
        return marshal(root, null);
    }

    static byte[] marshal(Object root, AttachmentMarshaller attachments) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            if (attachments != null) {
                marshaller.setAttachmentMarshaller(attachments);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(root, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object unmarshal(byte[] xml) {
        try {
            return CONTEXT.createUnmarshaller().unmarshal(new ByteArrayInputStream(xml));
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
