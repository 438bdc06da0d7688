package com.crm.leads.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;

/**
 * What every request must be before a method reads it, the counterpart for query strings and headers of what the
 * JSON reader checks in bodies: a query string in UTF-8 percent-encoding, every parameter and header
 * {@link UnicodeText usable}, and a body declared, if at all, in UTF-8.
 */
@Configuration(proxyBeanMethods = false)
class RequestChecks implements WebMvcConfigurer, HandlerInterceptor {

    private final OptionsAnswers options;

    RequestChecks(OptionsAnswers options) {
        this.options = options;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the container's own refusals keep their status on the way to the error path
        registry.addInterceptor(this).excludePathPatterns("/error");
        registry.addInterceptor(options);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        checkCharset(request.getContentType());
        if (request.getQueryString() != null && !isUtf8PercentEncoding(request.getQueryString())) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "",
                    "the query string must be UTF-8, percent-encoded");
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (!UnicodeText.isUsable(name)) {
                throw new ApiException(ErrorCode.MALFORMED_REQUEST, "", UnicodeText.refusal("every parameter name"));
            }
            for (String value : parameter.getValue()) {
                if (!UnicodeText.isUsable(value)) {
                    throw ApiException.invalidParameter(name, UnicodeText.refusal(name));
                }
            }
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (!UnicodeText.isUsable(value)) {
                    throw ApiException.invalidParameter(name, UnicodeText.refusal(name));
                }
            }
        }
        return true;
    }

    private static void checkCharset(String contentType) {
        if (contentType == null) {
            return;
        }
        Charset charset;
        try {
            charset = MediaType.parseMediaType(contentType).getCharset();
        } catch (IllegalArgumentException unreadableOrUnknownCharset) {
            throw unsupported();
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            throw unsupported();
        }
    }

    private static ApiException unsupported() {
        return new ApiException(ErrorCode.MALFORMED_REQUEST, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "",
                "the request body must be sent as application/json in UTF-8");
    }

    /** Whether the raw query string decodes to UTF-8; the container would put U+FFFD in place of bytes that do not. */
    private static boolean isUtf8PercentEncoding(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length() || !isHexDigit(query.charAt(i + 1)) || !isHexDigit(query.charAt(i + 2))) {
                    return false;
                }
                bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7F) {
                return false;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static boolean isHexDigit(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
