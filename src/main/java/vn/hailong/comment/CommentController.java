package vn.hailong.comment;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.hailong.access.Access;

/**
 * The JSON API for a campaign's free-text answers.
 */
@RestController
class CommentController {

	private final CommentService comments;

	CommentController(CommentService comments) {
		this.comments = comments;
	}

	@GetMapping("/api/v1/campaigns/{id}/comments")
	Mono<CommentPage> comments(Access access, @PathVariable long id, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + CommentService.DEFAULT_SIZE) int size) {
		return this.comments.page(access, id, unit, page, size);
	}

}
