package org.xtaserver.tests.support;

/** Ends a test class's resources in the given order, each even when one before it failed to close. */
public final class Closeables {

	private Closeables() {
	}

	/** Closes each non-null resource in order; a failing close does not keep the next one open. */
	public static void closeAll(AutoCloseable... resources) {
		for (AutoCloseable resource : resources) {
			try {
				if (resource != null) {
					resource.close();
				}
			}
			catch (Exception ex) {
				// best effort: the next resource is still closed
			}
		}
	}
}
