package vn.hailong.unit;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who issues a unit's notice and its contact line, worked out from the unit tree alone.
 */
class NoticeIssuerTests {

	private static final Unit PROVINCE = new Unit(1, "SGD", "Sở GD&ĐT tỉnh Cà Mau", UnitLevel.DEPARTMENT, null, 0,
			"Văn phòng Sở, ĐT 0290 3831 000");

	private static final Unit DISTRICT = new Unit(2, "PGD", "Phòng GD&ĐT huyện Cái Nước", UnitLevel.DISTRICT_OFFICE,
			"SGD", 0, null);

	private static final Unit SCHOOL = new Unit(3, "TH", "Trường Tiểu học Một", UnitLevel.PRIMARY, "PGD", 300, null);

	private static final Unit LONE_SCHOOL = new Unit(4, "LONE", "Trường không trực thuộc", UnitLevel.PRIMARY, null, 10,
			null);

	@Test
	void namesTheNearestOfficeAboveASchoolAndTheNearestContactLine() {
		var issuer = NoticeIssuer.of(SCHOOL, units(PROVINCE, DISTRICT, SCHOOL));
		assertThat(issuer).isEqualTo(new NoticeIssuer("Phòng GD&ĐT huyện Cái Nước", "Văn phòng Sở, ĐT 0290 3831 000"));
	}

	@Test
	void givesTheOfficesNameWhenNoUnitAboveHasAContactLine() {
		var district = new Unit(2, "PGD", "Phòng GD&ĐT huyện Cái Nước", UnitLevel.DISTRICT_OFFICE, null, 0, null);
		assertThat(NoticeIssuer.of(SCHOOL, units(district, SCHOOL)))
			.isEqualTo(new NoticeIssuer("Phòng GD&ĐT huyện Cái Nước", "Phòng GD&ĐT huyện Cái Nước"));
	}

	@Test
	void prefersTheUnitsOwnContactLineAndAnOfficeIssuesItsOwnNotice() {
		var school = new Unit(3, "TH", "Trường Tiểu học Một", UnitLevel.PRIMARY, "PGD", 300, " Văn phòng trường ");
		assertThat(NoticeIssuer.of(school, units(PROVINCE, DISTRICT, school)).contact()).isEqualTo("Văn phòng trường");
		assertThat(NoticeIssuer.of(DISTRICT, units(PROVINCE, DISTRICT)).office())
			.isEqualTo("Phòng GD&ĐT huyện Cái Nước");
	}

	@Test
	void fallsBackToTheUnitItselfWithoutAnOfficeAboveAndSurvivesACycle() {
		assertThat(NoticeIssuer.of(LONE_SCHOOL, units(LONE_SCHOOL)))
			.isEqualTo(new NoticeIssuer("Trường không trực thuộc", "Trường không trực thuộc"));
		var a = new Unit(5, "A", "A", UnitLevel.OTHER, "B", 0, null);
		var b = new Unit(6, "B", "B", UnitLevel.OTHER, "A", 0, null);
		assertThat(NoticeIssuer.of(a, units(a, b)).office()).isEqualTo("B");
	}

	private static Map<String, Unit> units(Unit... units) {
		return List.of(units).stream().collect(Collectors.toMap(Unit::code, Function.identity()));
	}

}
