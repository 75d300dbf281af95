package org.memberflow.api.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The log message ({@code %m}) with every phone number in it masked (logback.xml). */
public class MaskedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PhoneMask.maskAll(super.convert(event));
    }
}
