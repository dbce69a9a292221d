package vn.hailong.response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.template.ChoiceOption;
import vn.hailong.template.Item;
import vn.hailong.template.ItemType;
import vn.hailong.template.SurveyTemplate;

/**
 * Builds a campaign's answer counts from the database's aggregation.
 */
@Service
public class ResultsService {

	private final CampaignService campaigns;

	private final ResultsRepository responses;

	ResultsService(CampaignService campaigns, ResultsRepository responses) {
		this.campaigns = campaigns;
		this.responses = responses;
	}

	/**
	 * Counts a campaign's answers as the member may see them: every unit's counts and the
	 * overall counts for a member who reads all of the campaign's units; otherwise only
	 * the units in scope, without the overall counts that would include the others.
	 * @param access the signed-in member
	 * @param campaignId the campaign's id
	 * @return the counts; an error {@code not-found}, or {@code outside-scope} when the
	 * member reads none of its units
	 */
	public Mono<CampaignResults> results(Access access, long campaignId) {
		return this.campaigns.find(access, campaignId).flatMap((campaign) -> {
			boolean all = campaign.units().stream().allMatch(access::canRead);
			return results(campaignId).map((results) -> all ? results
					: new CampaignResults(results.campaign(), results.template(), results.templateVersion(), null,
							results.units().stream().filter((unit) -> access.canRead(unit.unit())).toList()));
		});
	}

	/**
	 * Counts a campaign's answers.
	 * @param campaignId the campaign's id
	 * @return the counts, or an error {@code not-found}
	 */
	public Mono<CampaignResults> results(long campaignId) {
		return this.campaigns.find(campaignId)
			.flatMap((campaign) -> Mono
				.zip(this.responses.countAnswers(campaignId).collectList(),
						this.responses.countResponses(campaignId)
							.collectMap(ResultsRepository.UnitCount::unit, ResultsRepository.UnitCount::responses))
				.map((counts) -> assemble(campaign, counts.getT1(), counts.getT2())));
	}

	private CampaignResults assemble(Campaign campaign, List<ResultsRepository.ValueCount> values,
			Map<String, Long> responsesPerUnit) {
		SurveyTemplate template = this.campaigns.templateOf(campaign).template();
		var byUnit = new HashMap<String, List<ResultsRepository.ValueCount>>();
		for (var value : values) {
			byUnit.computeIfAbsent((value.unit() != null) ? value.unit() : "", (key) -> new ArrayList<>()).add(value);
		}
		long total = responsesPerUnit.values().stream().mapToLong(Long::longValue).sum();
		var overall = new CampaignResults.Counts(total, items(template, byUnit.getOrDefault("", List.of())));
		var units = campaign.units()
			.stream()
			.map((unit) -> new CampaignResults.UnitCounts(unit, responsesPerUnit.getOrDefault(unit, 0L),
					items(template, byUnit.getOrDefault(unit, List.of()))))
			.toList();
		return new CampaignResults(campaign.id(), campaign.template(), campaign.templateVersion(), overall, units);
	}

	private static List<CampaignResults.ItemCounts> items(SurveyTemplate template,
			List<ResultsRepository.ValueCount> values) {
		var byItem = new HashMap<String, List<ResultsRepository.ValueCount>>();
		values.forEach((value) -> byItem.computeIfAbsent(value.item(), (key) -> new ArrayList<>()).add(value));
		var items = new ArrayList<CampaignResults.ItemCounts>();
		for (Item item : template.items()) {
			if (item.type() == ItemType.TEXT) {
				continue;
			}
			Map<String, Long> counts = possibleValues(item);
			long n = 0;
			long notApplicable = 0;
			for (var value : byItem.getOrDefault(item.code(), List.of())) {
				if (item.type() == ItemType.SCALE5 && value.value().equals(Item.NOT_APPLICABLE)) {
					notApplicable += value.answers();
					continue;
				}
				counts.merge(value.value(), value.answers(), Long::sum);
				n += value.respondents();
			}
			items.add(new CampaignResults.ItemCounts(item.code(), item.type().yamlName(), n, counts,
					item.notApplicable() ? notApplicable : null));
		}
		return items;
	}

	private static Map<String, Long> possibleValues(Item item) {
		var counts = new LinkedHashMap<String, Long>();
		switch (item.type()) {
			case SCALE5 -> List.of("1", "2", "3", "4", "5").forEach((value) -> counts.put(value, 0L));
			case YESNO -> List.of("yes", "no").forEach((value) -> counts.put(value, 0L));
			case SINGLE, MULTIPLE ->
				item.options().stream().map(ChoiceOption::code).forEach((value) -> counts.put(value, 0L));
			default -> {
				return new TreeMap<>();
			}
		}
		return counts;
	}

}
