package vn.hailong.console;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import vn.hailong.access.Access;
import vn.hailong.campaign.Campaign;
import vn.hailong.campaign.CampaignService;
import vn.hailong.campaign.CampaignState;
import vn.hailong.console.ExplorerPageController.Choice;
import vn.hailong.explorer.SelectionQuery;

/**
 * The model of the explorer's shared selection form
 * ({@code templates/console/explorer/selection.html}), used by every explorer page
 * (questions, units, groups, priorities, texts, export) so that all six offer the same
 * pickers.
 */
@Component
class ExplorerSelectionForm {

	private final CampaignService campaigns;

	private final ConsoleUnits units;

	ExplorerSelectionForm(CampaignService campaigns, ConsoleUnits units) {
		this.campaigns = campaigns;
		this.units = units;
	}

	/**
	 * Puts the form's model into {@code model}: {@code query} (the selection asked for),
	 * {@code campaigns} (the non-draft campaigns the member may read, newest first, as
	 * {@link Choice}s of id and "name · period · template vN"), {@code templates} (their
	 * template codes, once each, in the same order) and {@code units} (the units within
	 * the member's scope; every unit for an administrator).
	 * @param access who is asking
	 * @param query the selection asked for, as sent (blank fields allowed)
	 * @param model the page's model, filled in place
	 * @return the same model, once filled
	 */
	Mono<Map<String, Object>> fill(Access access, SelectionQuery query, Map<String, Object> model) {
		model.put("query", query);
		return this.campaigns.findAll(access)
			.filter((campaign) -> campaign.state() != CampaignState.DRAFT)
			.collectList()
			.zipWith(
					this.units.readableWithin(access.administrator() ? null : access.member().unitCode()).collectList())
			.map((found) -> {
				var campaignOptions = new ArrayList<Choice>();
				var templates = new ArrayList<String>();
				List<Campaign> newestFirst = new ArrayList<>(found.getT1());
				Collections.reverse(newestFirst);
				for (Campaign campaign : newestFirst) {
					campaignOptions
						.add(new Choice(Long.toString(campaign.id()), campaign.name() + " · " + campaign.period().code()
								+ " · " + campaign.template() + " v" + campaign.templateVersion()));
					if (!templates.contains(campaign.template())) {
						templates.add(campaign.template());
					}
				}
				model.put("campaigns", campaignOptions);
				model.put("templates", templates);
				model.put("units", found.getT2());
				return model;
			});
	}

	/**
	 * The selection's parameters as a query string without {@code ?}, encoded, for the
	 * tab links and redirects, with {@code lang=en} for English pages.
	 * @param query the selection as asked for
	 * @param english whether the page is in English
	 * @return the query string, empty when nothing is chosen
	 */
	static String queryString(SelectionQuery query, boolean english) {
		var uri = UriComponentsBuilder.newInstance();
		add(uri, "campaign", query.campaign());
		add(uri, "template", query.template());
		add(uri, "version", query.version());
		add(uri, "period", query.period());
		add(uri, "unit", query.unit());
		add(uri, "from", query.from());
		add(uri, "to", query.to());
		if (english) {
			uri.queryParam("lang", "en");
		}
		String text = uri.encode().build().toUriString();
		return text.startsWith("?") ? text.substring(1) : text;
	}

	private static void add(UriComponentsBuilder uri, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			uri.queryParam(name, value.strip());
		}
	}

}
