package org.xtaserver.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Begins each transaction with one {@code START TRANSACTION} instead of switching autocommit off
 * and on again around it. A transaction manager turns autocommit off before and on after every
 * transaction, and MariaDB's driver sends each switch as a statement of its own: two database round
 * trips per transaction that do nothing else (ten per XTA round trip of five operations); the
 * explicit begin is one.
 *
 * <p>On connections of this data source a transaction begins with its first statement (a
 * transaction without statements costs nothing) and ends with {@code commit} or {@code rollback};
 * between transactions the session stays in autocommit mode. A connection closed inside a
 * transaction rolls it back, so that no transaction outlives its borrower in the pool. Connections
 * that the pool hands out with autocommit already off are passed through unchanged.
 */
public final class ExplicitTransactionDataSource extends DelegatingDataSource {

	public ExplicitTransactionDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return explicit(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return explicit(super.getConnection(username, password));
	}

	private static Connection explicit(Connection target) throws SQLException {
		if (!target.getAutoCommit()) {
			return target;
		}
		return (Connection) Proxy.newProxyInstance(ExplicitTransactionDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ExplicitTransactions(target));
	}

	/** The autocommit mode as the connection's user sees it, and the pending begin of a transaction. */
	private static final class ExplicitTransactions implements InvocationHandler {

		/** Methods that start work on the database: a pending transaction begins before them. */
		private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement",
				"prepareCall", "setSavepoint");

		private final Connection target;

		private boolean autoCommit = true;

		/** Autocommit is off for the user, and the database has not been told yet. */
		private boolean beginPending;

		ExplicitTransactions(Connection target) {
			this.target = target;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			int arity = (args == null) ? 0 : args.length;
			switch (name) {
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				case "toString":
					return "ExplicitTransactions[" + this.target + "]";
				case "getAutoCommit":
					return this.autoCommit;
				case "setAutoCommit":
					setAutoCommit((Boolean) args[0]);
					return null;
				case "commit":
					this.target.commit();
					this.beginPending = !this.autoCommit;
					return null;
				case "rollback":
					if (arity == 0) {
						this.target.rollback();
						this.beginPending = !this.autoCommit;
						return null;
					}
					break;
				case "close":
					close();
					return null;
				default:
					if (STATEMENT_FACTORIES.contains(name)) {
						beginIfPending();
					}
			}
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

		private void setAutoCommit(boolean on) throws SQLException {
			if (on == this.autoCommit) {
				return;
			}
			if (on && !this.beginPending) {
				// JDBC: switching autocommit on inside a transaction commits it.
				this.target.commit();
			}
			this.autoCommit = on;
			this.beginPending = !on;
		}

		private void beginIfPending() throws SQLException {
			if (this.beginPending) {
				try (Statement begin = this.target.createStatement()) {
					begin.execute("START TRANSACTION");
				}
				this.beginPending = false;
			}
		}

		private void close() throws SQLException {
			try {
				if (!this.autoCommit && !this.beginPending && !this.target.isClosed()) {
					this.target.rollback();
				}
			}
			finally {
				this.autoCommit = true;
				this.beginPending = false;
				this.target.close();
			}
		}
	}
}
