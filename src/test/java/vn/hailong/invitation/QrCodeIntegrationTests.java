package vn.hailong.invitation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.hailong.Fixtures;
import vn.hailong.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QR codes of the units' public links, downloaded over HTTP and read back.
 */
@IntegrationTest
class QrCodeIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private DatabaseClient database;

	@LocalServerPort
	private int port;

	private List<String> units;

	private long campaign;

	@BeforeEach
	void setUp() {
		var fixtures = new Fixtures(this.client, this.database);
		this.units = fixtures.district();
		this.campaign = fixtures.openCampaign("kiem-thu", this.units.subList(1, 3));
	}

	@Test
	void drawsAPngThatDecodesBackToTheUnitsLink() throws Exception {
		var result = this.client.get()
			.uri("/api/v1/campaigns/{id}/units/{unit}/qr.png?size=300", this.campaign, this.units.get(1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueMatches("Content-Disposition",
					"attachment; filename=\"qr-" + this.campaign + "-" + this.units.get(1) + "\\.png\"")
			.expectHeader()
			.valueMatches("Cache-Control", ".*max-age=86400.*")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		var image = ImageIO.read(new ByteArrayInputStream(result));
		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(image.getHeight()).isEqualTo(300);
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		assertThat(new QRCodeReader().decode(bitmap).getText())
			.isEqualTo("http://localhost:" + this.port + "/s/" + this.campaign + "/" + this.units.get(1));
	}

	@Test
	void drawsAWellFormedSvgDocument() throws Exception {
		var svg = this.client.get()
			.uri("/api/v1/campaigns/{id}/units/{unit}/qr.svg", this.campaign, this.units.get(2))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("image/svg+xml")
			.expectHeader()
			.valueMatches("Content-Disposition", "attachment; filename=\"qr-.*\\.svg\"")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo("512");
		assertThat(new String(svg, StandardCharsets.UTF_8)).contains("<path fill=\"#000\" d=\"M4 4h7");
	}

	@Test
	void refusesSizesOutOfRangeAndUnitsNotSurveyed() {
		this.client.get()
			.uri("/api/v1/campaigns/{id}/units/{unit}/qr.png?size=64", this.campaign, this.units.get(1))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("size");
		this.client.get()
			.uri("/api/v1/campaigns/{id}/units/{unit}/qr.svg", this.campaign, this.units.get(0))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.get()
			.uri("/api/v1/campaigns/{id}/units/{unit}/qr.png", 99999999, this.units.get(1))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
