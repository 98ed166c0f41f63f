package org.xtaserver.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xtaserver.message.MessageId;
import org.xtaserver.store.ServerSecrets;
import org.xtaserver.tenant.PartyId;

/** Ids reserved by signature: recognised for their author only, by every replica, and nothing forged. */
class MessageIdReservationsTests {

	private static final PartyId AUTHOR = PartyId.of("xoev", "demo:musterstadt:sozialamt");

	private final SharedSecrets database = new SharedSecrets();

	private final MessageIdReservations reservations = new MessageIdReservations(this.database, "xta-test");

	@Test
	void anIdIsReservedForItsAuthorOnly() {
		MessageId id = this.reservations.reserve(AUTHOR);

		assertThat(id.value()).startsWith(MessageId.PREFIX + "xta-test:");
		assertThat(this.reservations.reservedFor(id, AUTHOR)).isTrue();
		assertThat(this.reservations.reservedFor(id, PartyId.of("xoev", "demo:beispielhausen:sozialamt"))).isFalse();
		assertThat(this.reservations.reservedFor(id, PartyId.of("other", AUTHOR.value()))).isFalse();
		assertThat(this.reservations.reserve(AUTHOR)).isNotEqualTo(id);
	}

	@Test
	void anotherReplicaOnTheSameDatabaseRecognisesTheId() {
		MessageId id = this.reservations.reserve(AUTHOR);

		MessageIdReservations replica = new MessageIdReservations(this.database, "xta-test");

		assertThat(replica.reservedFor(id, AUTHOR)).isTrue();
		assertThat(this.database.created).isEqualTo(1);
	}

	@Test
	void aServerWithAnotherKeyDoesNotRecogniseTheId() {
		MessageId id = this.reservations.reserve(AUTHOR);

		MessageIdReservations elsewhere = new MessageIdReservations(new SharedSecrets(), "xta-test");

		assertThat(elsewhere.reservedFor(id, AUTHOR)).isFalse();
	}

	@Test
	void noChangedCharacterPassesForReserved() {
		String value = this.reservations.reserve(AUTHOR).value();
		for (int i = MessageId.PREFIX.length(); i < value.length(); i++) {
			char changed = (value.charAt(i) == 'a') ? 'b' : 'a';
			MessageId forged = new MessageId(value.substring(0, i) + changed + value.substring(i + 1));
			assertThat(this.reservations.reservedFor(forged, AUTHOR)).as(forged.value()).isFalse();
		}
	}

	@Test
	void idsOfOtherShapesAreToldApartWithoutTheKey() {
		MessageIdReservations keyless = new MessageIdReservations((name, length) -> {
			throw new IllegalStateException("database away");
		}, "xta-test");

		assertThat(keyless.reservedFor(MessageId.newUnique("xta-test"), AUTHOR)).isFalse();
		assertThat(keyless.reservedFor(new MessageId("urn:uuid:4f6b5c3e-2d1a-4b9c-8e7f-6a5b4c3d2e1f"), AUTHOR)).isFalse();
	}

	/** One database's server_secret table: the first secret offered under a name stays. */
	private static final class SharedSecrets implements ServerSecrets {

		private final Map<String, byte[]> secrets = new HashMap<>();

		private final Random random = new Random();

		int created;

		@Override
		public synchronized byte[] secret(String name, int length) {
			return this.secrets.computeIfAbsent(name, (n) -> {
				this.created++;
				byte[] secret = new byte[length];
				this.random.nextBytes(secret);
				return secret;
			}).clone();
		}
	}
}
