package vn.hailong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the HàiLòng satisfaction-survey service.
 */
@SpringBootApplication
public class HaiLongApplication {

	public static void main(String[] args) {
		SpringApplication.run(HaiLongApplication.class, args);
	}

}
