package org.xtaserver.security.hardening;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cuts off clients that send a request body more slowly than {@link SlowRequestProperties} allows:
 * the read fails and the connection is closed without draining the rest of the body (see
 * {@link ConnectionCloserValve}).
 */
class SlowRequestFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SlowRequestFilter.class);

	private final SlowRequestProperties properties;

	private final Clock clock;

	SlowRequestFilter(SlowRequestProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.properties.minRate() <= 0) {
			chain.doFilter(request, response);
			return;
		}
		long started = this.clock.millis();
		chain.doFilter(new HttpServletRequestWrapper(request) {

			private ServletInputStream wrapped;

			@Override
			public ServletInputStream getInputStream() throws IOException {
				if (this.wrapped == null) {
					this.wrapped = new RateCheckedStream(request, super.getInputStream(), started);
				}
				return this.wrapped;
			}
		}, response);
	}

	/** The request body, failing once the client falls below the minimum rate. */
	private final class RateCheckedStream extends ServletInputStream {

		private final HttpServletRequest request;

		private final ServletInputStream in;

		private final long started;

		private long received;

		private boolean cutOff;

		RateCheckedStream(HttpServletRequest request, ServletInputStream in, long started) {
			this.request = request;
			this.in = in;
			this.started = started;
		}

		@Override
		public int read() throws IOException {
			check();
			int b = this.in.read();
			if (b >= 0) {
				this.received++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			check();
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				this.received += n;
			}
			return n;
		}

		private void check() throws IOException {
			if (this.cutOff) {
				throw new IOException("request body arrived too slowly; connection closed");
			}
			long elapsed = SlowRequestFilter.this.clock.millis() - this.started;
			SlowRequestProperties limits = SlowRequestFilter.this.properties;
			if (elapsed <= limits.gracePeriod().toMillis()) {
				return;
			}
			long expected = limits.minRate() * elapsed / 1000;
			if (this.received < expected) {
				log.warn("XTA-3201 request from {} cut off: {} bytes in {} ms, below {} bytes/s",
						this.request.getRemoteAddr(), this.received, elapsed, limits.minRate());
				this.cutOff = true;
				ConnectionCloserValve.closeNow(this.request);
				throw new IOException("request body arrives too slowly (" + this.received + " bytes in " + elapsed
						+ " ms); connection closed");
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}
	}
}
