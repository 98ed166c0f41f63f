package org.xtaserver.tests.support;

/** The three SOAP ports of the XTA 2 V3 service and their paths on the server. */
public enum XtaPort {

	MANAGEMENT("ManagementPort"), SEND("SendXtaPort"), MSG_BOX("MsgBoxPort");

	private final String portName;

	XtaPort(String portName) {
		this.portName = portName;
	}

	/** The port name of the WSDL, e.g. {@code ManagementPort}. */
	public String portName() {
		return this.portName;
	}

	/** The path under the HTTPS root, e.g. {@code /services/XTAService/ManagementPort}. */
	public String path() {
		return "/services/XTAService/" + this.portName;
	}
}
