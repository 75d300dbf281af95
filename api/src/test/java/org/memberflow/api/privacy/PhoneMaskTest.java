package org.memberflow.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

    @Test
    void shouldKeepTheFirstThreeAndLastFourDigits() {
        assertThat(PhoneMask.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneMask.mask("+8613812345678")).isEqualTo("+86****5678");
        assertThat(PhoneMask.mask("010-1234")).isEqualTo("*****34");
    }

    @Test
    void shouldMaskEveryPhoneNumberInText() {
        assertThat(PhoneMask.maskAll("member m-1 phone 13812345678, old +86 13912345678, intl +4915112345678"))
                .isEqualTo("member m-1 phone 138****5678, old +86****5678, intl +49****5678");
        assertThat(PhoneMask.maskAll("order 20261125000123456 amount 13812345678901"))
                .as("longer digit runs are not phone numbers").isEqualTo("order 20261125000123456 amount 13812345678901");
        assertThat(PhoneMask.maskAll("a 138 1234 5678 b 138-1234-5678 c +86 138 1234 5678 d 008613812345678"))
                .isEqualTo("a 138****5678 b 138****5678 c +86****5678 d 008****5678");
        assertThat(PhoneMask.maskAll("nothing here")).isEqualTo("nothing here");
        assertThat(PhoneMask.maskAll(null)).isNull();
    }
}
