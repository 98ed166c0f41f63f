package org.xtaserver.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reproducible message content and digests that never hold large content in memory. */
public final class TestContent {

	private TestContent() {
	}

	/**
	 * Writes {@code size} pseudo-random bytes determined by {@code seed} (xorshift64*) to
	 * {@code file}, streaming.
	 * @return the SHA-256 of what was written, hex
	 */
	public static String writeDeterministic(Path file, long size, long seed) {
		MessageDigest digest = sha256();
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
			byte[] buffer = new byte[1 << 20];
			long state = (seed == 0) ? 0x9E3779B97F4A7C15L : seed;
			long remaining = size;
			while (remaining > 0) {
				int n = (int) Math.min(buffer.length, remaining);
				for (int i = 0; i < n; i += 8) {
					state ^= state >>> 12;
					state ^= state << 25;
					state ^= state >>> 27;
					long value = state * 0x2545F4914F6CDD1DL;
					for (int b = 0; b < 8 && i + b < n; b++) {
						buffer[i + b] = (byte) (value >>> (8 * b));
					}
				}
				out.write(buffer, 0, n);
				remaining -= n;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** Reads the stream to its end, counting and digesting; closes it. */
	public static Digest digest(InputStream in) {
		MessageDigest digest = sha256();
		long count = 0;
		try (InputStream digesting = new DigestInputStream(in, digest)) {
			byte[] buffer = new byte[1 << 16];
			int n;
			while ((n = digesting.read(buffer)) >= 0) {
				count += n;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read content", ex);
		}
		return new Digest(HexFormat.of().formatHex(digest.digest()), count);
	}

	/** Some small distinct text content, e.g. an XML payload. */
	public static byte[] xmlPayload(String marker) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testNachricht xmlns=\"urn:xta-server:tests\">"
				+ "<marker>" + marker + "</marker><umlaute>äöüß</umlaute></testNachricht>\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Some small binary content (all byte values, so that no encoding step can go unnoticed). */
	public static byte[] binaryPayload(String marker) {
		byte[] prefix = marker.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[prefix.length + 2 * 256];
		System.arraycopy(prefix, 0, bytes, 0, prefix.length);
		for (int i = 0; i < 512; i++) {
			bytes[prefix.length + i] = (byte) (255 - (i % 256));
		}
		return bytes;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A SHA-256 (hex) and the number of bytes digested. */
	public record Digest(String sha256, long size) {
	}
}
