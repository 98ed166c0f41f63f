package org.xtaserver.xta.v3;

import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.xtaserver.message.XtaError;
import org.xtaserver.message.XtaError.Kind;
import org.xtaserver.message.XtaFailure;

/**
 * Runs one port operation and turns every failure into an XTA fault the operation declares in the
 * WSDL. A failure whose fault the operation does not declare becomes XTAWSTechnicalProblem (which
 * every operation declares) and keeps its own error code, so the client still learns the cause.
 */
final class V3Operation {

	private static final Logger log = LoggerFactory.getLogger(V3Operation.class);

	private final String name;

	private final Set<Kind> declared;

	private V3Operation(String name, Set<Kind> declared) {
		this.name = name;
		this.declared = declared;
	}

	static V3Operation declaring(String name, Kind... faults) {
		EnumSet<Kind> declared = EnumSet.of(Kind.TECHNICAL_PROBLEM, faults);
		return new V3Operation(name, declared);
	}

	<T> T call(Supplier<T> body) {
		try {
			return body.get();
		}
		catch (XtaFailure failure) {
			throw fault(failure);
		}
		catch (UncheckedIOException ex) {
			log.info("XTA-2090 {}: content could not be read: {}", this.name, ex.getMessage());
			throw fault(XtaError.INVALID_PARAMETER.failure("content could not be read"));
		}
		catch (DataAccessException | TransactionException ex) {
			log.error("XTA-2091 {}: message store unavailable", this.name, ex);
			throw fault(XtaError.STORE_UNAVAILABLE.failure());
		}
		catch (RuntimeException ex) {
			log.error("XTA-2092 {}: unexpected failure", this.name, ex);
			throw fault(XtaError.TECHNICAL_PROBLEM.failure());
		}
	}

	void run(Runnable body) {
		call(() -> {
			body.run();
			return null;
		});
	}

	private RuntimeException fault(XtaFailure failure) {
		Exception fault = this.declared.contains(failure.error().kind()) ? V3Faults.toFault(failure)
				: V3Faults.technicalProblem(failure);
		log.debug("XTA-2093 {} answered with {} {}", this.name, fault.getClass().getSimpleName(), failure.error().code().number());
		return V3Operation.<RuntimeException>sneaky(fault);
	}

	/**
	 * Throws a checked fault through a lambda. The faults are declared on the port method, so the
	 * caller (CXF) expects exactly these; the compiler just cannot see it through the Supplier.
	 */
	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E sneaky(Throwable fault) throws E {
		throw (E) fault;
	}
}
