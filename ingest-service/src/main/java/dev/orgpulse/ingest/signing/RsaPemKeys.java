package dev.orgpulse.ingest.signing;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * RSA private keys read from PEM text: PKCS#8 ({@code BEGIN PRIVATE KEY}, Google's service-account keys) and PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, the private keys GitHub generates for an App).
 */
public final class RsaPemKeys {

    private static final String PKCS8 = "PRIVATE KEY";
    private static final String PKCS1 = "RSA PRIVATE KEY";
    /** The PKCS#8 AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1, NULL parameters) in DER. */
    private static final byte[] RSA_ALGORITHM = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };
    private static final byte[] VERSION_ZERO = { 0x02, 0x01, 0x00 };

    private RsaPemKeys() {
    }

    /** @throws IllegalArgumentException when the text holds no RSA private key in either PEM form */
    public static PrivateKey privateKey(String pem) {
        byte[] pkcs8;
        if (pem.contains(begin(PKCS1))) {
            pkcs8 = wrapPkcs1(der(pem, PKCS1));
        } else if (pem.contains(begin(PKCS8))) {
            pkcs8 = der(pem, PKCS8);
        } else {
            throw new IllegalArgumentException("not a PEM \"PRIVATE KEY\" (PKCS#8) or \"RSA PRIVATE KEY\" (PKCS#1)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key: " + e.getMessage(), e);
        }
    }

    private static byte[] der(String pem, String label) {
        int start = pem.indexOf(begin(label)) + begin(label).length();
        int end = pem.indexOf("-----END " + label + "-----", start);
        if (end < 0) {
            throw new IllegalArgumentException("the PEM \"" + label + "\" block has no end line");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(start, end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM \"" + label + "\" block is not base64: " + e.getMessage(), e);
        }
    }

    private static String begin(String label) {
        return "-----BEGIN " + label + "-----";
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING holding the PKCS#1 key }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(VERSION_ZERO);
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tagged(0x04, pkcs1));
        return tagged(0x30, body.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write((length >>> shift) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
