package dev.fairlead.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

class ShellModelAdviceTests {

    @Controller
    static class Page {
        String page() {
            return "home";
        }

        @ResponseBody
        String fragment() {
            return "{}";
        }
    }

    @RestController
    static class Api {
        String json() {
            return "{}";
        }
    }

    @Test
    void pagesGetTheLayoutsModelButApiCallsDoNot() throws Exception {
        assertThat(ShellModelAdvice.rendersPage(handledBy(new HandlerMethod(new Page(), Page.class.getDeclaredMethod("page"))))).isTrue();
        assertThat(ShellModelAdvice.rendersPage(handledBy(new HandlerMethod(new Page(), Page.class.getDeclaredMethod("fragment"))))).isFalse();
        assertThat(ShellModelAdvice.rendersPage(handledBy(new HandlerMethod(new Api(), Api.class.getDeclaredMethod("json"))))).isFalse();
    }

    private static MockHttpServletRequest handledBy(HandlerMethod handler) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        return request;
    }
}
