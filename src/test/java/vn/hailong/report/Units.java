package vn.hailong.report;

import java.util.List;

import vn.hailong.unit.Unit;
import vn.hailong.unit.UnitLevel;

/**
 * A small unit tree for the report's unit tests: a province (1) with two districts (10,
 * 20), schools 11 (population 600), 12 (400) and 13 (50) under district 10 and school 21
 * (population 0, unknown) under district 20.
 */
final class Units {

	static final Unit PROVINCE = new Unit(1, "P", "Sở", UnitLevel.DEPARTMENT, null, 0, null);

	static final Unit DISTRICT = new Unit(10, "D1", "Phòng 1", UnitLevel.DISTRICT_OFFICE, "P", 0, null);

	static final Unit OTHER_DISTRICT = new Unit(20, "D2", "Phòng 2", UnitLevel.DISTRICT_OFFICE, "P", 0, null);

	static final Unit S1 = new Unit(11, "S1", "Trường Một", UnitLevel.PRIMARY, "D1", 600, null);

	static final Unit S2 = new Unit(12, "S2", "Trường Hai", UnitLevel.PRIMARY, "D1", 400, null);

	static final Unit S3 = new Unit(13, "S3", "Trường Ba", UnitLevel.PRIMARY, "D1", 50, null);

	static final Unit S4 = new Unit(21, "S4", "Trường Bốn", UnitLevel.PRIMARY, "D2", 0, null);

	static final List<Unit> ALL = List.of(S3, S1, OTHER_DISTRICT, PROVINCE, S4, S2, DISTRICT);

	private Units() {
	}

}
