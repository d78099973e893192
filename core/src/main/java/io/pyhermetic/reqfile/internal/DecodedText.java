package io.pyhermetic.reqfile.internal;

import java.nio.charset.Charset;

/** A requirements file's text with what is needed to write it back byte for byte. */
public record DecodedText(String text, Charset charset, byte[] bom) {}
