package vn.hailong.invitation;

import java.security.SecureRandom;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Invitation codes: made from an alphabet without look-alikes, read as people type them,
 * hashed for storage.
 */
class InvitationCodeTests {

	@Test
	void usesThirtyTwoCharactersWithoutZeroOhOneOrI() {
		assertThat(InvitationCode.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
		assertThat(InvitationCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
	}

	@Test
	void makesDistinctTenCharacterCodesPrintedInTwoGroups() {
		var random = new SecureRandom();
		var seen = new HashSet<String>();
		for (int i = 0; i < 10_000; i++) {
			InvitationCode code = InvitationCode.random(random);
			assertThat(code.grouped()).matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");
			seen.add(code.value());
		}
		assertThat(seen).hasSize(10_000);
	}

	@Test
	void readsCodesAsPeopleTypeThem() {
		assertThat(InvitationCode.parse(" k7qm2 - xt9hd ")).contains(new InvitationCode("K7QM2XT9HD"));
		assertThat(InvitationCode.parse("K7QM2XT9HD").orElseThrow().grouped()).isEqualTo("K7QM2-XT9HD");
	}

	@Test
	void rejectsMalformedCodes() {
		assertThat(InvitationCode.parse(null)).isEmpty();
		assertThat(InvitationCode.parse("K7QM2-XT9H")).isEmpty();
		assertThat(InvitationCode.parse("K7QM2-XT9HDD")).isEmpty();
		assertThat(InvitationCode.parse("K7QM0-XT9HD")).isEmpty();
		assertThat(InvitationCode.parse("K7QMO-XT9HD")).isEmpty();
		assertThat(InvitationCode.parse("K7QMI-XT9HD")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new InvitationCode("k7qm2xt9hd"));
	}

	@Test
	void hashesTheCodeNotItsPrintedForm() {
		var code = new InvitationCode("K7QM2XT9HD");
		assertThat(code.hash()).hasSize(32).isEqualTo(InvitationCode.parse("k7qm2-xt9hd").orElseThrow().hash());
		assertThat(code.hash()).isNotEqualTo(new InvitationCode("K7QM2XT9HE").hash());
	}

}
