package vn.hailong.comment;

import java.util.function.LongPredicate;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API for a campaign's free-text answers.
 */
@RestController
class CommentController {

	private static final LongPredicate EVERY_UNIT = (unit) -> true;

	private final CommentService comments;

	CommentController(CommentService comments) {
		this.comments = comments;
	}

	@GetMapping("/api/v1/campaigns/{id}/comments")
	Mono<CommentPage> comments(@PathVariable long id, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + CommentService.DEFAULT_SIZE) int size) {
		return this.comments.page(id, unit, page, size, EVERY_UNIT);
	}

}
