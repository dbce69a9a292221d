package vn.hailong.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.system.ApiException;
import vn.hailong.system.FieldProblem;
import vn.hailong.template.Item;
import vn.hailong.template.SurveyTemplate;

/**
 * Pages through a campaign's free-text answers, limited to the units the reader may see.
 */
@Service
public class CommentService {

	/** The most answers on one page. */
	public static final int MAX_SIZE = 200;

	/** The answers on a page when the request does not say. */
	public static final int DEFAULT_SIZE = 50;

	private final CampaignService campaigns;

	private final CommentRepository comments;

	private final FreeTextProperties freeText;

	CommentService(CampaignService campaigns, CommentRepository comments, FreeTextProperties freeText) {
		this.campaigns = campaigns;
		this.comments = comments;
		this.freeText = freeText;
	}

	/**
	 * Reads a page of a campaign's free-text answers, newest first.
	 * @param campaignId the campaign's id
	 * @param unit the code of one unit to limit the answers to, or null for every unit
	 * the reader may see
	 * @param page the page's number, from 1
	 * @param size the most answers on the page, from 1 to {@value #MAX_SIZE}
	 * @param access the signed-in member, whose units are the readable ones
	 * @return the page, which may be past the last one and then empty; or an error
	 * {@code invalid-request} naming {@code page}, {@code size} or {@code unit} (a unit
	 * the campaign does not survey), {@code not-found}, {@code outside-scope} when the
	 * reader may see none of the campaign's units or not the unit asked for, or
	 * {@code forbidden} when the reader's role may not read free text
	 * ({@link FreeTextProperties})
	 */
	public Mono<CommentPage> page(Access access, long campaignId, @Nullable String unit, int page, int size) {
		if (!this.freeText.mayRead(access)) {
			return Mono.error(Access.forbidden());
		}
		LongPredicate readable = access::canRead;
		var problems = new ArrayList<FieldProblem>();
		if (page < 1) {
			problems.add(new FieldProblem("page", "out_of_range", "page numbers start at 1"));
		}
		if (size < 1 || size > MAX_SIZE) {
			problems.add(new FieldProblem("size", "out_of_range", "size must be from 1 to " + MAX_SIZE));
		}
		if (!problems.isEmpty()) {
			return Mono.error(ApiException.invalid(problems));
		}
		return this.campaigns.find(campaignId)
			.zipWith(this.comments.units(campaignId).collectList())
			.flatMap((found) -> read(found.getT1(), found.getT2(), unit, page, size, readable));
	}

	private Mono<CommentPage> read(Campaign campaign, List<CommentRepository.CampaignUnit> units, String unit, int page,
			int size, LongPredicate readable) {
		var visible = units.stream().filter((candidate) -> readable.test(candidate.id())).toList();
		if (visible.isEmpty()) {
			return Mono.error(outsideScope("Campaign " + campaign.id() + " surveys none of the units you may read"));
		}
		var chosen = visible;
		if (unit != null && !unit.isBlank()) {
			chosen = visible.stream().filter((candidate) -> candidate.code().equals(unit)).toList();
			if (chosen.isEmpty()) {
				boolean surveyed = units.stream().anyMatch((candidate) -> candidate.code().equals(unit));
				return Mono.error(surveyed ? outsideScope("You may not read unit '" + unit + "'") : ApiException
					.invalid("unit", "unknown", "campaign " + campaign.id() + " does not survey unit '" + unit + "'"));
			}
		}
		var ids = chosen.stream().map(CommentRepository.CampaignUnit::id).toList();
		SurveyTemplate template = this.campaigns.templateOf(campaign).template();
		var names = visible.stream()
			.map((candidate) -> new CommentPage.UnitName(candidate.code(), candidate.name()))
			.toList();
		String limitedTo = (chosen.size() == 1 && unit != null && !unit.isBlank()) ? unit : null;
		return this.comments.count(campaign.id(), ids)
			.zipWith(this.comments.page(campaign.id(), ids, (long) (page - 1) * size, size)
				.map((row) -> new Comment(row.unit(), row.unitName(), row.item(),
						template.item(row.item()).map(Item::text).map((text) -> text.vi()).orElse(row.item()),
						row.text(), row.receivedAt()))
				.collectList())
			.map((result) -> new CommentPage(campaign.id(), campaign.name(), limitedTo, page, size, result.getT1(),
					(int) Math.max(1, (result.getT1() + size - 1) / size), result.getT2(), names));
	}

	private static ApiException outsideScope(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "outside-scope", "Outside your units", detail, List.of());
	}

}
