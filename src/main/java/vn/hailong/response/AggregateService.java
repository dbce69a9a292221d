package vn.hailong.response;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import vn.hailong.access.Access;
import vn.hailong.audit.AuditLog;
import vn.hailong.campaign.CampaignService;

/**
 * Proves the aggregates kept at intake equal to the raw data: recomputes a campaign's
 * aggregates from its stored responses and answers, lists every difference and, when
 * asked, replaces the kept aggregates by the recomputed ones. A check reads one snapshot
 * and holds nothing back; a repair holds the intake back for the duration of the
 * recomputation (intake statements wait, none fail), so that no batch is lost or counted
 * twice.
 */
@Service
public class AggregateService {

	private final CampaignService campaigns;

	private final AggregateRepository aggregates;

	private final AuditLog audit;

	private final TransactionalOperator transaction;

	private final TransactionalOperator snapshot;

	private final String workMemory;

	AggregateService(CampaignService campaigns, AggregateRepository aggregates, AuditLog audit,
			ReactiveTransactionManager transactions, AggregateProperties properties) {
		this.campaigns = campaigns;
		this.aggregates = aggregates;
		this.audit = audit;
		this.transaction = TransactionalOperator.create(transactions, new DefaultTransactionDefinition());
		var snapshot = new DefaultTransactionDefinition();
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		this.snapshot = TransactionalOperator.create(transactions, snapshot);
		this.workMemory = properties.workMemory();
	}

	/**
	 * Recomputes a campaign's aggregates from its stored answers and compares them with
	 * the kept ones; with {@code repair}, replaces them when they differ and records the
	 * repair in the audit log.
	 * @param access the signed-in member, who must be an administrator
	 * @param campaignId the campaign's id
	 * @param repair whether to replace differing aggregates
	 * @return the check, or an error: {@code forbidden} for a member who is not an
	 * administrator, {@code not-found} for an unknown campaign
	 */
	public Mono<AggregateCheck> verify(Access access, long campaignId, boolean repair) {
		return Mono.fromRunnable(access::requireAdministrator)
			.then(this.campaigns.find(campaignId))
			.flatMap((campaign) -> check(campaign.id(), repair));
	}

	/**
	 * Checks every campaign that has left its draft, for the command line (no member: the
	 * audit log names the system).
	 * @param repair whether to replace differing aggregates
	 * @return one check per campaign, by id
	 */
	Flux<AggregateCheck> verifyAll(boolean repair) {
		return this.aggregates.campaigns().concatMap((campaign) -> check(campaign, repair));
	}

	/**
	 * Checks one campaign, for the command line.
	 */
	Mono<AggregateCheck> verifyOne(long campaignId, boolean repair) {
		return this.campaigns.find(campaignId).flatMap((campaign) -> check(campaign.id(), repair));
	}

	private Mono<AggregateCheck> check(long campaign, boolean repair) {
		if (!repair) {
			return this.aggregates.workMemory(this.workMemory).then(compare(campaign)).as(this.snapshot::transactional);
		}
		return this.aggregates.holdIntake()
			.then(this.aggregates.workMemory(this.workMemory))
			.then(compare(campaign))
			.map((found) -> new AggregateCheck(campaign, found.responses(), found.differences(),
					!found.differences().isEmpty()))
			.flatMap((check) -> {
				Mono<Void> replace = check.differences().isEmpty() ? Mono.empty() : this.aggregates.replace(campaign);
				return replace.then(this.audit.record("aggregates.verified", "campaign", Long.toString(campaign),
						Map.of("differences", check.differences().size(), "repaired", check.repaired(), "responses",
								check.responses())))
					.thenReturn(check);
			})
			.as(this.transaction::transactional);
	}

	private Mono<AggregateCheck> compare(long campaign) {
		return this.aggregates.responses(campaign)
			.flatMap((responses) -> this.aggregates.differences(campaign)
				.collectList()
				.map((differences) -> new AggregateCheck(campaign, responses, differences, false)));
	}

}
