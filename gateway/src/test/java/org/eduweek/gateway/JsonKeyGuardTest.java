package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.eduweek.gateway.filter.JsonKeyGuard;
import org.junit.jupiter.api.Test;

class JsonKeyGuardTest {

    @Test
    void findsOperatorAndDottedKeysAtAnyDepth() {
        assertThat(unsafe("{\"$gt\":1}")).contains("$gt");
        assertThat(unsafe("[{\"a\":[{\"b\":{\"$where\":\"x\"}}]}]")).contains("$where");
        assertThat(unsafe("{\"profile\":{\"x.y\":1}}")).contains("x.y");
    }

    @Test
    void acceptsOrdinaryDocumentsAndValuesThatMerelyLookSuspicious() {
        assertThat(unsafe("{\"title\":\"$100 prize. Join!\",\"tags\":[\"a.b\",\"$x\"]}")).isEmpty();
        assertThat(unsafe("[]")).isEmpty();
    }

    @Test
    void leavesMalformedJsonToTheService() {
        assertThat(unsafe("{\"a\":")).isEmpty();
        assertThat(unsafe("not json")).isEmpty();
    }

    private static java.util.Optional<String> unsafe(String json) {
        return JsonKeyGuard.firstUnsafeKey(json.getBytes(StandardCharsets.UTF_8));
    }
}
