package uk.org.lxp.api.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aPageKnowsWhereItStartsAndHowLongTheWholeListIs() {
        Paging third = Paging.of(2, 50);
        assertThat(third.offset()).isEqualTo(100);
        Page<String> page = Page.of(List.of("a", "b"), third, 102);
        assertThat(page).isEqualTo(new Page<>(List.of("a", "b"), 2, 50, 102));
    }

    @Test
    void anOffsetBeyondWhatAnIntHoldsIsRefusedNotWrapped() {
        assertThatThrownBy(() -> Paging.of(Integer.MAX_VALUE, 200).offset()).isInstanceOf(ArithmeticException.class);
    }
}
