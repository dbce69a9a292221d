package vn.hailong.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;

/**
 * Makes XLSForm workbooks for tests, as an office would type them in Excel.
 */
public final class XlsFormWorkbooks {

	private XlsFormWorkbooks() {
	}

	/**
	 * A workbook of text cells.
	 * @param sheets sheet name → rows → cells; an empty string leaves the cell empty
	 * @return the workbook's bytes
	 * @throws IOException never, as it writes to memory
	 */
	public static byte[] of(Map<String, List<List<String>>> sheets) throws IOException {
		var bytes = new ByteArrayOutputStream();
		var workbook = new Workbook(bytes, "test", "1.0");
		sheets.forEach((name, rows) -> {
			var sheet = workbook.newWorksheet(name);
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (!rows.get(r).get(c).isEmpty()) {
						sheet.value(r, c, rows.get(r).get(c));
					}
				}
			}
		});
		workbook.finish();
		return bytes.toByteArray();
	}

}
