package vn.hailong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.hailong.period.Period;

/**
 * A survey campaign.
 *
 * @param id the campaign's id, used in links
 * @param name the campaign's name
 * @param template the template's code
 * @param templateVersion the template's version
 * @param templateId the stored template version's id
 * @param period the reporting period
 * @param opensAt when answers start being accepted
 * @param closesAt when answers stop being accepted
 * @param state draft, open or closed
 * @param units the codes of the units surveyed
 * @param access whether anyone with the link may answer, or only with an invitation code
 * @param allowRepeat whether a public campaign takes more than one response from the same
 * browser
 * @param rateLimit the most responses a public campaign accepts from one client address
 * per hour; 0 for no limit
 * @param targets the planned number of responses of each unit that has one, by unit code
 */
public record Campaign(long id, String name, String template, int templateVersion, long templateId, Period period,
		Instant opensAt, Instant closesAt, CampaignState state, List<String> units, CampaignAccess access,
		boolean allowRepeat, int rateLimit, Map<String, Integer> targets) {

	/**
	 * The rate limit of a public campaign created without one.
	 */
	public static final int DEFAULT_RATE_LIMIT = 60;

	/**
	 * The highest rate limit a campaign may have.
	 */
	public static final int MAX_RATE_LIMIT = 1_000_000;

	/**
	 * The time zone in which offices name a campaign's days: "until 10/01/2027" means
	 * until the end of that day here.
	 */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	public Campaign {
		units = List.copyOf(units);
		targets = Collections.unmodifiableMap(new TreeMap<>(targets));
	}

	/**
	 * Tells whether answers are accepted at the given instant: the campaign is open and
	 * the instant lies in {@code [opensAt, closesAt)}.
	 * @param now the instant
	 * @return whether an answer given now is accepted
	 */
	public boolean accepts(Instant now) {
		return this.state == CampaignState.OPEN && !now.isBefore(this.opensAt) && now.isBefore(this.closesAt);
	}

	/**
	 * Returns the planned number of responses of a unit.
	 * @param unitCode the unit's code
	 * @return the target, or null when the unit has none or is not surveyed
	 */
	public Integer target(String unitCode) {
		return this.targets.get(unitCode);
	}

	/**
	 * The instant a campaign opening on a day starts taking answers: 00:00 that day in
	 * {@link #ZONE}.
	 * @param day the first day
	 * @return the opening instant
	 */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	/**
	 * The instant a campaign whose last day is given stops taking answers: the end of
	 * that day in {@link #ZONE}, that is 00:00 the next day.
	 * @param lastDay the last day on which answers are taken
	 * @return the closing instant (exclusive)
	 */
	public static Instant endOf(LocalDate lastDay) {
		return lastDay.plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	/**
	 * The last day on which answers are taken, in {@link #ZONE}: the day before
	 * {@link #closesAt} when it falls at midnight.
	 * @return the last day
	 */
	public LocalDate lastDay() {
		return this.closesAt.minusNanos(1).atZone(ZONE).toLocalDate();
	}

	/**
	 * The first day on which answers are taken, in {@link #ZONE}.
	 * @return the first day
	 */
	public LocalDate firstDay() {
		return this.opensAt.atZone(ZONE).toLocalDate();
	}

	public boolean surveys(String unitCode) {
		return this.units.contains(unitCode);
	}

	/**
	 * Tells whether a response needs an invitation code.
	 * @return whether the campaign takes invitations only
	 */
	public boolean byInvitation() {
		return this.access == CampaignAccess.INVITATION;
	}

	/**
	 * Tells whether the campaign takes one response per browser marker and unit.
	 * @return whether a second response from the same browser is refused
	 */
	public boolean marksBrowsers() {
		return this.access == CampaignAccess.PUBLIC && !this.allowRepeat;
	}

}
