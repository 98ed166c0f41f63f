package org.xtaserver.tests.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides a running {@link XtaServer} to a test class (injectable as a parameter of test and
 * lifecycle methods).
 *
 * <ul>
 * <li>{@code @ExtendWith(XtaServerExtension.class)} or {@link #shared()}: one server for every
 * class of the test run that asks for it, kept in the root store and stopped when the run ends.
 * Tests on it must tolerate messages of other classes in the demo postboxes.</li>
 * <li>{@link #dedicated(String)} on a {@code @RegisterExtension static} field: a server of the
 * class alone (for tests that restart or kill it or need other JVM options), stopped after the
 * class.</li>
 * </ul>
 * A server that failed to start is not retried for every class: later classes get the same failure
 * at once.
 */
public final class XtaServerExtension implements BeforeAllCallback, ParameterResolver {

	/** Name (and folder) of the shared server. */
	public static final String SHARED = "shared";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(XtaServerExtension.class);

	private final String name;

	private final boolean shared;

	private final List<String> jvmArgs = new ArrayList<>();

	private final List<String> args = new ArrayList<>();

	private XtaServer server;

	/** The shared server; used by {@code @ExtendWith(XtaServerExtension.class)}. */
	public XtaServerExtension() {
		this(SHARED, true);
	}

	private XtaServerExtension(String name, boolean shared) {
		this.name = name;
		this.shared = shared;
	}

	/** The server shared by all classes of the run. */
	public static XtaServerExtension shared() {
		return new XtaServerExtension();
	}

	/** A server for one test class, in {@code target/servers/<name>/}. */
	public static XtaServerExtension dedicated(String name) {
		return new XtaServerExtension(name, false);
	}

	/** JVM options of a dedicated server, e.g. {@code -Xmx256m}. */
	public XtaServerExtension jvmArgs(String... jvmArgs) {
		requireDedicated();
		this.jvmArgs.addAll(Arrays.asList(jvmArgs));
		return this;
	}

	/** Application arguments of a dedicated server. */
	public XtaServerExtension args(String... args) {
		requireDedicated();
		this.args.addAll(Arrays.asList(args));
		return this;
	}

	/** The running server (after {@code beforeAll}). */
	public XtaServer server() {
		if (this.server == null) {
			throw new IllegalStateException("server " + this.name + " is only available from @BeforeAll on");
		}
		return this.server;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		ExtensionContext owner = this.shared ? context.getRoot() : context;
		Started started = owner.getStore(NAMESPACE)
			.computeIfAbsent(this.name, (key) -> Started.start(configured()), Started.class);
		this.server = started.server();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == XtaServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server();
	}

	private XtaServer.Builder configured() {
		XtaServer.Builder builder = XtaServer.builder(this.name);
		if (this.shared) {
			builder.jvmArgs(System.getProperty("xta.shared.server.jvmArgs", "-Xmx512m").trim().split("\\s+"));
		}
		return builder.jvmArgs(this.jvmArgs.toArray(String[]::new)).args(this.args.toArray(String[]::new));
	}

	private void requireDedicated() {
		if (this.shared) {
			throw new IllegalStateException("the shared server's options are set by system properties"
					+ " (xta.shared.server.jvmArgs, xta.server.jvmArgs), not per class");
		}
	}

	/** The outcome of a start, stored once per server so that a failed start is not repeated. */
	private record Started(XtaServer server, RuntimeException failure) implements AutoCloseable {

		static Started start(XtaServer.Builder builder) {
			try {
				return new Started(builder.start(), null);
			}
			catch (RuntimeException ex) {
				return new Started(null, ex);
			}
		}

		@Override
		public XtaServer server() {
			if (this.failure != null) {
				throw new IllegalStateException("XTA server could not be started: " + this.failure.getMessage(),
						this.failure);
			}
			return this.server;
		}

		@Override
		public void close() {
			if (this.server != null) {
				this.server.close();
			}
		}
	}
}
