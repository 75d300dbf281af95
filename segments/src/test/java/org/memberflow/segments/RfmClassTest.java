package org.memberflow.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RfmClassTest {

    @Test
    void shouldMapEveryCombinationOfHighAndLowToADistinctClass() {
        Set<RfmClass> seen = EnumSet.noneOf(RfmClass.class);
        for (boolean r : new boolean[] {true, false}) {
            for (boolean f : new boolean[] {true, false}) {
                for (boolean m : new boolean[] {true, false}) {
                    seen.add(RfmClass.of(r, f, m));
                }
            }
        }
        assertThat(seen).hasSize(8).doesNotContain(RfmClass.PROSPECT);
    }

    @Test
    void shouldFollowTheDesignTable() {
        assertThat(RfmClass.of(true, true, true)).isEqualTo(RfmClass.IMPORTANT_VALUE);
        assertThat(RfmClass.of(true, false, true)).isEqualTo(RfmClass.IMPORTANT_DEVELOP);
        assertThat(RfmClass.of(false, true, true)).isEqualTo(RfmClass.IMPORTANT_KEEP);
        assertThat(RfmClass.of(false, false, true)).isEqualTo(RfmClass.IMPORTANT_RETAIN);
        assertThat(RfmClass.of(true, true, false)).isEqualTo(RfmClass.GENERAL_VALUE);
        assertThat(RfmClass.of(true, false, false)).isEqualTo(RfmClass.GENERAL_DEVELOP);
        assertThat(RfmClass.of(false, true, false)).isEqualTo(RfmClass.GENERAL_KEEP);
        assertThat(RfmClass.of(false, false, false)).isEqualTo(RfmClass.GENERAL_RETAIN);
        assertThat(RfmClass.IMPORTANT_VALUE.chineseName()).isEqualTo("重要价值客户");
    }

    @Test
    void shouldRoundTripCodes() {
        for (RfmClass c : RfmClass.values()) {
            assertThat(RfmClass.fromCode(c.code())).isEqualTo(c);
        }
        assertThatThrownBy(() -> RfmClass.fromCode("vip")).isInstanceOf(IllegalArgumentException.class);
    }
}
