package dev.fairlead.common.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A request that claims to be multipart but is not fails before Spring knows which controller it
 * is for, so no controller-scoped advice sees it: this one applies to every request. The client
 * sent something broken, so the answer is a {@code 400} problem (413 when it is too big).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartProblemHandler {

    private final MessageSource messages;

    MultipartProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        HttpStatus status = e instanceof MaxUploadSizeExceededException ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(status == HttpStatus.BAD_REQUEST ? "validation.multipart" : "validation.tooDeep", null, locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
