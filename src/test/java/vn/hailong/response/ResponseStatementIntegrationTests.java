package vn.hailong.response;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;
import vn.hailong.invitation.InvitationCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake's one statement on PostgreSQL, called directly to force what concurrent HTTP
 * requests only make likely: two transactions racing for one invitation code, one code or
 * one browser marker twice in a batch, and a code whose response id is taken.
 */
@IntegrationTest
class ResponseStatementIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@Autowired
	private ResponseRepository responses;

	@Autowired
	private TransactionalOperator transaction;

	private Fixtures fixtures;

	private String school;

	private long invited;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client, this.database);
		this.school = this.fixtures.district().get(1);
		this.invited = this.fixtures.openCampaign("kiem-thu", List.of(this.school), Map.of("access", "invitation"));
	}

	@Test
	void spendsACodeOnceWhenTwoTransactionsRaceForIt() {
		InvitationCode code = issue();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Sinks.One<List<ResponseRepository.Inserted>> written = Sinks.one();
		Sinks.Empty<Void> commit = Sinks.empty();
		CompletableFuture<List<ResponseRepository.Inserted>> holding = this.transaction
			.transactional(this.responses.insertAll(List.of(response(first, this.invited, code, null)))
				.collectList()
				.doOnNext(written::tryEmitValue)
				.flatMap((rows) -> commit.asMono().thenReturn(rows)))
			.toFuture();
		assertThat(written.asMono().block(PATIENCE)).extracting(ResponseRepository.Inserted::id).containsExactly(first);
		CompletableFuture<List<ResponseRepository.Inserted>> waiting = this.responses
			.insertAll(List.of(response(second, this.invited, code, null)))
			.collectList()
			.toFuture();
		awaitStatementWaitingForLock();
		commit.tryEmitEmpty();
		assertThat(holding.join()).extracting(ResponseRepository.Inserted::id).containsExactly(first);
		assertThat(waiting.join()).isEmpty();
		assertThat(this.fixtures.count("select count(*) from response where campaign_id = $1", this.invited)).isOne();
		assertThat(this.fixtures
			.count("select count(*) from invitation where campaign_id = $1 and spent_on is not null", this.invited))
			.isOne();
	}

	@Test
	void admitsOneResponsePerCodeWithinABatch() {
		InvitationCode code = issue();
		var rows = this.responses.insertAll(List.of(response(UUID.randomUUID(), this.invited, code, null),
				response(UUID.randomUUID(), this.invited, code, null)))
			.collectList()
			.block(PATIENCE);
		assertThat(rows).hasSize(1);
		assertThat(this.fixtures.count("select count(*) from response where campaign_id = $1", this.invited)).isOne();
	}

	@Test
	void admitsOneResponsePerBrowserMarkerWithinABatch() {
		long open = this.fixtures.openCampaign("kiem-thu", List.of(this.school));
		byte[] marker = sha256(UUID.randomUUID());
		var rows = this.responses
			.insertAll(List.of(response(UUID.randomUUID(), open, null, marker),
					response(UUID.randomUUID(), open, null, marker), response(UUID.randomUUID(), open, null, null)))
			.collectList()
			.block(PATIENCE);
		assertThat(rows).hasSize(2);
	}

	@Test
	void leavesACodeUnspentWhenItsResponseIdIsTaken() {
		InvitationCode spent = issue();
		InvitationCode unused = issue();
		UUID id = UUID.randomUUID();
		assertThat(this.responses.insertAll(List.of(response(id, this.invited, spent, null))).collectList().block())
			.hasSize(1);
		assertThat(this.responses.insertAll(List.of(response(id, this.invited, unused, null))).collectList().block())
			.isEmpty();
		assertThat(this.fixtures.count("select count(*) from invitation where campaign_id = $1 and spent_on is null",
				this.invited))
			.isOne();
	}

	@Test
	void refusesAResponseToAnInvitationCampaignWithoutACode() {
		assertThat(this.responses.insertAll(List.of(response(UUID.randomUUID(), this.invited, null, null)))
			.collectList()
			.block()).isEmpty();
	}

	private void awaitStatementWaitingForLock() {
		Mono.defer(() -> this.database.sql(
				"select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
			.map((row) -> row.get(0, Long.class))
			.one())
			.filter((waiting) -> waiting > 0)
			.repeatWhenEmpty((empty) -> empty.delayElements(Duration.ofMillis(10)))
			.block(PATIENCE);
	}

	private InvitationCode issue() {
		Map<?, ?> batch = this.client.post()
			.uri("/api/v1/campaigns/{id}/invitations", this.invited)
			.bodyValue(Map.of("unit", this.school, "count", 1))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String code = ((List<Map<String, String>>) batch.get("codes")).get(0).get("code");
		return InvitationCode.parse(code).orElseThrow();
	}

	private ResponseRepository.NewResponse response(UUID id, long campaign, InvitationCode code, byte[] marker) {
		var sheet = new AnswerSheet(List.of(new AnswerSheet.CountedValue("diem", "4", 0)), List.of(), sha256(id));
		return new ResponseRepository.NewResponse(id, campaign, this.school, sheet, marker,
				(code != null) ? code.hash() : null);
	}

	private static byte[] sha256(UUID id) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest(ByteBuffer.allocate(16)
					.putLong(id.getMostSignificantBits())
					.putLong(id.getLeastSignificantBits())
					.array());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
