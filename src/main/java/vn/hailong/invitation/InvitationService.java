package vn.hailong.invitation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import vn.hailong.access.Access;
import vn.hailong.audit.AuditLog;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.campaign.CampaignState;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitService;

/**
 * Issues batches of single-use invitation codes, keeping only their hashes, and tells
 * what a code presented by a respondent is worth.
 */
@Service
public class InvitationService {

	/** The most codes one batch may have. */
	static final int MAX_BATCH = 1000;

	private static final int ATTEMPTS = 5;

	private static final HexFormat HEX = HexFormat.of();

	private final InvitationRepository invitations;

	private final CampaignService campaigns;

	private final UnitService units;

	private final TransactionalOperator transaction;

	private final SecureRandom random = new SecureRandom();

	private final AuditLog audit;

	InvitationService(InvitationRepository invitations, CampaignService campaigns, UnitService units,
			TransactionalOperator transaction, AuditLog audit) {
		this.invitations = invitations;
		this.audit = audit;
		this.campaigns = campaigns;
		this.units = units;
		this.transaction = transaction;
	}

	/**
	 * Tells what a code is worth for a campaign and unit.
	 * @param campaign the campaign's id
	 * @param unit the unit's code
	 * @param code the code
	 * @return valid, unknown, spent, or issued for another campaign or unit
	 */
	public Mono<CodeStatus> check(long campaign, String unit, InvitationCode code) {
		return this.invitations.find(code.hash()).map((found) -> {
			if (found.campaign() != campaign) {
				return CodeStatus.OTHER_CAMPAIGN;
			}
			if (!found.unit().equals(unit)) {
				return CodeStatus.OTHER_UNIT;
			}
			return found.spent() ? CodeStatus.SPENT : CodeStatus.VALID;
		}).defaultIfEmpty(CodeStatus.UNKNOWN);
	}

	/**
	 * Issues a batch of codes for a unit the member manages, and records the batch (never
	 * the codes) in the audit log, in one transaction.
	 * @param access the signed-in member
	 * @param campaignId the campaign's id
	 * @param request the unit and the number of codes
	 * @param baseUrl the service's public address, without a trailing slash
	 * @return the batch with its codes and links, after the commit; or an error:
	 * {@code outside-scope}, {@code forbidden}, {@code not-found},
	 * {@code invalid-request} naming the fields, {@code campaign-not-invitation} or
	 * {@code campaign-state}
	 */
	Mono<Issued> issue(Access access, long campaignId, InvitationRequest request, String baseUrl) {
		return Mono.fromRunnable(() -> {
			if (request.unit() != null) {
				access.requireManage(request.unit());
			}
		})
			.then(Mono.defer(() -> issue(campaignId, request, baseUrl)))
			.flatMap((issued) -> this.audit
				.record("invitations.issued", "campaign", Long.toString(campaignId), issued.unit().id(),
						Map.of("unit", issued.unit().code(), "count", issued.batch().codes().size()))
				.thenReturn(issued))
			.as(this.transaction::transactional);
	}

	/**
	 * Counts the codes issued and spent per unit of a campaign the member reads.
	 * @param access the signed-in member
	 * @param campaignId the campaign's id
	 * @return the counts; an error {@code not-found} or {@code outside-scope}
	 */
	Mono<InvitationSummary> summary(Access access, long campaignId) {
		return this.campaigns.find(access, campaignId).then(summary(campaignId));
	}

	/**
	 * Issues a batch of codes for one unit of an invitation campaign in draft or open.
	 * @param campaignId the campaign's id
	 * @param request the unit and the number of codes
	 * @param baseUrl the service's public address, without a trailing slash
	 * @return the batch with its codes and links, after the commit; or an error:
	 * {@code not-found}, {@code invalid-request} naming the fields,
	 * {@code campaign-not-invitation} or {@code campaign-state}
	 */
	private Mono<Issued> issue(long campaignId, InvitationRequest request, String baseUrl) {
		return this.campaigns.find(campaignId).flatMap((campaign) -> {
			check(campaign, request);
			return this.units.find(request.unit())
				.flatMap((unit) -> this.transaction
					.transactional(this.invitations.insertBatch(campaign.id(), unit.code(), request.count())
						.flatMap((batch) -> store(batch, request.count(), new ArrayList<>(), 1)
							.map((codes) -> new Issued(campaign, unit, batch(batch, unit, codes, baseUrl))))));
		});
	}

	/**
	 * Counts the codes issued and spent per unit of a campaign.
	 * @param campaignId the campaign's id
	 * @return the counts, or an error {@code not-found}
	 */
	private Mono<InvitationSummary> summary(long campaignId) {
		return this.campaigns.find(campaignId)
			.flatMap((campaign) -> this.invitations.summary(campaign.id()).collectList())
			.map((units) -> new InvitationSummary(campaignId,
					units.stream().mapToLong(InvitationSummary.UnitInvitations::issued).sum(),
					units.stream().mapToLong(InvitationSummary.UnitInvitations::spent).sum(), units));
	}

	String templateTitle(Campaign campaign, String language) {
		return this.campaigns.templateOf(campaign).template().title().in(language);
	}

	private static void check(Campaign campaign, InvitationRequest request) {
		if (!campaign.byInvitation()) {
			throw ApiException.conflict("campaign-not-invitation", "Campaign does not take invitations",
					"Campaign " + campaign.id() + " is public; invitation codes are for campaigns created with "
							+ "\"access\": \"invitation\"");
		}
		var problems = new ArrayList<FieldProblem>();
		if (request.unit() == null || request.unit().isBlank()) {
			problems.add(new FieldProblem("unit", "required", "the unit's code is required"));
		}
		else if (!campaign.surveys(request.unit())) {
			problems.add(new FieldProblem("unit", "unknown_unit",
					"unit '" + request.unit() + "' is not surveyed by campaign " + campaign.id()));
		}
		if (request.count() == null) {
			problems.add(new FieldProblem("count", "required", "the number of codes is required"));
		}
		else if (request.count() < 1 || request.count() > MAX_BATCH) {
			problems.add(new FieldProblem("count", "out_of_range",
					"count must be a whole number from 1 to " + MAX_BATCH + ", not " + request.count()));
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		if (campaign.state() == CampaignState.CLOSED) {
			throw ApiException.conflict("campaign-state", "Campaign is closed",
					"Campaign " + campaign.id() + " is closed; codes can be issued while it is in draft or open");
		}
	}

	/**
	 * Makes codes until the batch has its size; a code whose hash exists already, in this
	 * or any campaign, is replaced.
	 */
	private Mono<List<InvitationCode>> store(InvitationRepository.NewBatch batch, int count, List<InvitationCode> kept,
			int attempt) {
		if (kept.size() == count) {
			return Mono.just(kept);
		}
		if (attempt > ATTEMPTS) {
			return Mono.error(new IllegalStateException("Could not make " + count + " distinct invitation codes"));
		}
		var fresh = new LinkedHashMap<String, InvitationCode>();
		Set<String> taken = kept.stream().map((code) -> code.value()).collect(Collectors.toSet());
		while (fresh.size() < count - kept.size()) {
			InvitationCode code = InvitationCode.random(this.random);
			if (!taken.contains(code.value())) {
				fresh.putIfAbsent(HEX.formatHex(code.hash()), code);
			}
		}
		return this.invitations.insertCodes(batch, fresh.values().stream().map(InvitationCode::hash).toList())
			.collect(Collectors.toSet())
			.flatMap((stored) -> {
				fresh.forEach((hash, code) -> {
					if (stored.contains(hash)) {
						kept.add(code);
					}
				});
				return store(batch, count, kept, attempt + 1);
			});
	}

	private static IssuedBatch batch(InvitationRepository.NewBatch batch, Unit unit, List<InvitationCode> codes,
			String baseUrl) {
		String survey = baseUrl + "/s/" + batch.campaign() + "/" + unit.code() + "?code=";
		return new IssuedBatch(batch.id(), batch.campaign(), unit.code(), batch.createdAt(),
				codes.stream()
					.map((code) -> new IssuedBatch.IssuedCode(code.grouped(), survey + code.grouped()))
					.toList());
	}

	/**
	 * A batch just issued, with what the slips show of its campaign and unit.
	 */
	record Issued(Campaign campaign, Unit unit, IssuedBatch batch) {
	}

}
