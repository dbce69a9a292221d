package vn.hailong.response;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.campaign.CampaignState;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

/**
 * Takes responses: checks them against the campaign's template, stores each exactly once,
 * and acknowledges only what is committed.
 */
@Service
public class IntakeService {

	private final CampaignService campaigns;

	private final ResponseRepository responses;

	private final ResponseWriter writer;

	private final Clock clock;

	IntakeService(CampaignService campaigns, ResponseRepository responses, ResponseWriter writer, Clock clock) {
		this.campaigns = campaigns;
		this.responses = responses;
		this.writer = writer;
		this.clock = clock;
	}

	/**
	 * Stores a response, or recognises a re-send of one already stored.
	 * @param campaignId the campaign's id
	 * @param submission the response
	 * @return the receipt, after the commit; or an error: {@code not-found} for an
	 * unknown campaign, {@code invalid-request} naming the offending fields,
	 * {@code campaign-not-open}, or {@code response-id-conflict} when the id was used for
	 * other content
	 */
	public Mono<Receipt> submit(long campaignId, ResponseSubmission submission) {
		return this.campaigns.findRecent(campaignId).flatMap((campaign) -> {
			AnswerSheet sheet = AnswerValidator.validate(this.campaigns.templateOf(campaign).template(),
					submission.unit(), submission.answers(), envelopeProblems(campaign, submission));
			if (!campaign.accepts(Instant.now(this.clock))) {
				return resend(campaign, submission, sheet).switchIfEmpty(Mono.error(() -> notOpen(campaign)));
			}
			return this.writer
				.write(new ResponseRepository.NewResponse(submission.id(), campaignId, submission.unit(), sheet))
				.flatMap(Mono::justOrEmpty)
				.map((receivedAt) -> new Receipt(submission.id(), campaignId, submission.unit(), receivedAt, true))
				.switchIfEmpty(Mono.defer(() -> resend(campaign, submission, sheet)))
				.switchIfEmpty(
						Mono.defer(() -> this.campaigns.find(campaignId).flatMap((now) -> Mono.error(notOpen(now)))));
		});
	}

	private Mono<Receipt> resend(Campaign campaign, ResponseSubmission submission, AnswerSheet sheet) {
		return this.responses.findById(submission.id()).flatMap((stored) -> {
			if (stored.campaign() == campaign.id() && stored.unit().equals(submission.unit())
					&& MessageDigest.isEqual(stored.contentHash(), sheet.contentHash())) {
				return Mono
					.just(new Receipt(submission.id(), campaign.id(), stored.unit(), stored.receivedAt(), false));
			}
			return Mono.error(ApiException.conflict("response-id-conflict", "Response id already used", "Response "
					+ submission.id() + " was already stored with other content; " + "a new response needs a new id"));
		});
	}

	private static List<FieldProblem> envelopeProblems(Campaign campaign, ResponseSubmission submission) {
		var problems = new ArrayList<FieldProblem>();
		if (submission.id() == null) {
			problems.add(new FieldProblem("id", "required", "a client-made UUID is required"));
		}
		if (submission.unit() == null || submission.unit().isBlank()) {
			problems.add(new FieldProblem("unit", "required", "the unit's code is required"));
		}
		else if (!campaign.surveys(submission.unit())) {
			problems.add(new FieldProblem("unit", "unknown_unit",
					"unit '" + submission.unit() + "' is not surveyed by campaign " + campaign.id()));
		}
		return problems;
	}

	private ApiException notOpen(Campaign campaign) {
		Instant now = Instant.now(this.clock);
		String why;
		if (campaign.state() == CampaignState.DRAFT) {
			why = "has not been opened yet";
		}
		else if (campaign.state() == CampaignState.CLOSED || !now.isBefore(campaign.closesAt())) {
			why = "is closed";
		}
		else if (now.isBefore(campaign.opensAt())) {
			why = "opens at " + campaign.opensAt();
		}
		else {
			why = "does not take answers now";
		}
		return ApiException.conflict("campaign-not-open", "Campaign not open",
				"Campaign " + campaign.id() + " " + why + "; answers are accepted only while it is open");
	}

}
