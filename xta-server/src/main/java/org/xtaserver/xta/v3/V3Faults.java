package org.xtaserver.xta.v3;

import org.xtaserver.message.XtaError;
import org.xtaserver.message.XtaFailure;
import org.xtaserver.wsdl.v3.CancelDeniedException;
import org.xtaserver.wsdl.v3.CancelDeniedExceptionType;
import org.xtaserver.wsdl.v3.CodeFehlernummer;
import org.xtaserver.wsdl.v3.ExceptionType;
import org.xtaserver.wsdl.v3.InvalidMessageIDException;
import org.xtaserver.wsdl.v3.InvalidMessageIDExceptionType;
import org.xtaserver.wsdl.v3.MessageSchemaViolationException;
import org.xtaserver.wsdl.v3.MessageSchemaViolationExceptionType;
import org.xtaserver.wsdl.v3.ParameterIsNotValidException;
import org.xtaserver.wsdl.v3.ParameterIsNotValidExceptionType;
import org.xtaserver.wsdl.v3.PermissionDeniedException;
import org.xtaserver.wsdl.v3.PermissionDeniedExceptionType;
import org.xtaserver.wsdl.v3.SyncAsyncException;
import org.xtaserver.wsdl.v3.SyncAsyncExceptionType;
import org.xtaserver.wsdl.v3.XTAWSTechnicalProblemException;
import org.xtaserver.wsdl.v3.XTAWSTechnicalProblemExceptionType;

/** Builds the generated XTA fault of the right type, with its errorCode, for a core failure. */
final class V3Faults {

	static final String ERROR_CODE_LIST = "urn:de:xta:webservice:codeliste:fehlernummer";

	private V3Faults() {
	}

	static Exception toFault(XtaFailure failure) {
		XtaError error = failure.error();
		String message = failure.getMessage();
		return switch (error.kind()) {
			case PERMISSION_DENIED -> new PermissionDeniedException(message, fill(new PermissionDeniedExceptionType(), error));
			case INVALID_MESSAGE_ID -> new InvalidMessageIDException(message, fill(new InvalidMessageIDExceptionType(), error));
			case PARAMETER_NOT_VALID -> new ParameterIsNotValidException(message, fill(new ParameterIsNotValidExceptionType(), error));
			case SCHEMA_VIOLATION -> new MessageSchemaViolationException(message,
					fill(new MessageSchemaViolationExceptionType(), error));
			case SYNC_ASYNC -> new SyncAsyncException(message, fill(new SyncAsyncExceptionType(), error));
			case CANCEL_DENIED -> new CancelDeniedException(message, fill(new CancelDeniedExceptionType(), error));
			case TECHNICAL_PROBLEM -> technicalProblem(failure);
		};
	}

	static XTAWSTechnicalProblemException technicalProblem(XtaFailure failure) {
		return new XTAWSTechnicalProblemException(failure.getMessage(),
				fill(new XTAWSTechnicalProblemExceptionType(), failure.error()));
	}

	private static <T extends ExceptionType> T fill(T bean, XtaError error) {
		CodeFehlernummer code = new CodeFehlernummer();
		code.setCode(error.code().number());
		code.setName(error.code().officialName());
		code.setListURI(ERROR_CODE_LIST);
		code.setListVersionID("1.0");
		bean.setErrorCode(code);
		return bean;
	}
}
