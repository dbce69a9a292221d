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
import vn.hailong.guard.BrowserMarkers;
import vn.hailong.guard.RateLimiter;
import vn.hailong.guard.Refusals;
import vn.hailong.guard.SubmissionContext;
import vn.hailong.invitation.CodeStatus;
import vn.hailong.invitation.InvitationCode;
import vn.hailong.invitation.InvitationService;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;

/**
 * Takes responses: applies the campaign's guards (honeypot, invitation code, rate limit,
 * one response per browser), checks them against the campaign's template, stores each
 * exactly once, and acknowledges only what is committed. Both the survey page and the
 * JSON API submit through here.
 */
@Service
public class IntakeService {

	private final CampaignService campaigns;

	private final ResponseRepository responses;

	private final ResponseWriter writer;

	private final RateLimiter limiter;

	private final InvitationService invitations;

	private final Clock clock;

	IntakeService(CampaignService campaigns, ResponseRepository responses, ResponseWriter writer, RateLimiter limiter,
			InvitationService invitations, Clock clock) {
		this.campaigns = campaigns;
		this.responses = responses;
		this.writer = writer;
		this.limiter = limiter;
		this.invitations = invitations;
		this.clock = clock;
	}

	/**
	 * Stores a response, or recognises a re-send of one already stored; a re-send is
	 * acknowledged whatever the guards say now (after closing, over the rate limit, with
	 * its code spent by itself).
	 * @param campaignId the campaign's id
	 * @param submission the response
	 * @param context what the transport knows: browser marker, client key, honeypot
	 * @return the receipt, after the commit; or an error: {@code not-found} for an
	 * unknown campaign; {@code automated-submission} when the honeypot was filled in;
	 * {@code invitation-required}, {@code invitation-unknown}, {@code invitation-spent}
	 * or {@code invitation-mismatch} in an invitation campaign; {@code invalid-request}
	 * naming the offending fields; {@code campaign-not-open}; {@code rate-limited};
	 * {@code already-answered} for a second response from the same browser; or
	 * {@code response-id-conflict} when the id was used for other content
	 */
	public Mono<Receipt> submit(long campaignId, ResponseSubmission submission, SubmissionContext context) {
		return this.campaigns.findRecent(campaignId).flatMap((campaign) -> {
			if (context.honeypotFilled()) {
				return Mono.error(Refusals.automated());
			}
			InvitationCode code = null;
			if (campaign.byInvitation()) {
				if (submission.code() == null || submission.code().isBlank()) {
					return Mono.error(CodeStatus.required(campaignId));
				}
				code = InvitationCode.parse(submission.code()).orElse(null);
				if (code == null) {
					return Mono.error(CodeStatus.UNKNOWN.refusal(campaignId, submission.unit()));
				}
			}
			AnswerSheet sheet = AnswerValidator.validate(this.campaigns.templateOf(campaign).template(),
					submission.unit(), submission.answers(), envelopeProblems(campaign, submission));
			if (!campaign.accepts(Instant.now(this.clock))) {
				return resend(campaign, submission, sheet).switchIfEmpty(Mono.error(() -> notOpen(campaign)));
			}
			InvitationCode presented = code;
			return this.limiter.acquire(campaignId, context.clientKey(), campaign.rateLimit()).flatMap((permit) -> {
				if (!permit.granted()) {
					return resend(campaign, submission, sheet).switchIfEmpty(
							Mono.error(() -> Refusals.rateLimited(campaign.rateLimit(), permit.retryAfter())));
				}
				return store(campaign, submission, sheet, context, presented, permit);
			});
		});
	}

	private Mono<Receipt> store(Campaign campaign, ResponseSubmission submission, AnswerSheet sheet,
			SubmissionContext context, InvitationCode code, RateLimiter.Permit permit) {
		long campaignId = campaign.id();
		byte[] marker = (campaign.marksBrowsers() && context.marker() != null)
				? BrowserMarkers.hash(context.marker(), campaignId, submission.unit()) : null;
		byte[] codeHash = (code != null) ? code.hash() : null;
		return this.writer
			.write(new ResponseRepository.NewResponse(submission.id(), campaignId, submission.unit(), sheet, marker,
					codeHash))
			.flatMap(Mono::justOrEmpty)
			.map((receivedAt) -> new Receipt(submission.id(), campaignId, submission.unit(), receivedAt, true))
			.switchIfEmpty(Mono.defer(() -> {
				permit.release();
				return resend(campaign, submission, sheet);
			}))
			.switchIfEmpty(Mono.defer(() -> refusal(campaign, submission.unit(), marker, code)))
			.doOnError((ex) -> permit.release());
	}

	/**
	 * Tells whether a browser has answered a campaign for a unit, for a campaign that
	 * takes one response per browser.
	 * @param campaign the campaign
	 * @param unit the unit's code
	 * @param marker the browser's marker
	 * @return whether a response with this marker is stored
	 */
	public Mono<Boolean> hasAnswered(Campaign campaign, String unit, String marker) {
		if (!campaign.marksBrowsers() || marker == null) {
			return Mono.just(false);
		}
		return this.responses.markerUsed(campaign.id(), unit, BrowserMarkers.hash(marker, campaign.id(), unit));
	}

	/**
	 * Explains why a response that is not a re-send was not stored.
	 */
	private Mono<Receipt> refusal(Campaign campaign, String unit, byte[] marker, InvitationCode code) {
		Mono<ApiException> guard = Mono.empty();
		if (code != null) {
			guard = this.invitations.check(campaign.id(), unit, code)
				.filter((status) -> status != CodeStatus.VALID)
				.map((status) -> status.refusal(campaign.id(), unit));
		}
		else if (marker != null) {
			guard = this.responses.markerUsed(campaign.id(), unit, marker)
				.filter(Boolean::booleanValue)
				.map((used) -> Refusals.alreadyAnswered(campaign.id(), unit));
		}
		return guard.switchIfEmpty(Mono.defer(() -> this.campaigns.find(campaign.id()).map(this::notOpen)))
			.flatMap((ex) -> Mono.<Receipt>error(ex));
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
