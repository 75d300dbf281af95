package org.memberflow.api.privacy;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** A logged exception ({@code %wEx}) with every phone number in its messages masked (logback.xml). */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return PhoneMask.maskAll(super.throwableProxyToString(proxy));
    }
}
