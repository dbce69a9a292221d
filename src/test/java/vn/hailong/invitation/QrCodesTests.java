package vn.hailong.invitation;

import java.util.regex.Pattern;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QR codes as SVG: the drawn modules decode back to the link.
 */
class QrCodesTests {

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

	@Test
	void drawsALinkThatDecodesBackToItself() throws Exception {
		String link = "https://khaosat.example.vn/s/12/TH-LH?code=K7QM2-XT9HD";
		String svg = QrCodes.svg(link);
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"").endsWith("</svg>");
		var viewBox = VIEW_BOX.matcher(svg);
		assertThat(viewBox.find()).isTrue();
		int size = Integer.parseInt(viewBox.group(1)) - 8;
		var modules = new BitMatrix(size);
		var runs = RUN.matcher(svg);
		while (runs.find()) {
			int x = Integer.parseInt(runs.group(1)) - 4;
			int y = Integer.parseInt(runs.group(2)) - 4;
			modules.setRegion(x, y, Integer.parseInt(runs.group(3)), 1);
		}
		assertThat(new Decoder().decode(modules).getText()).isEqualTo(link);
	}

}
