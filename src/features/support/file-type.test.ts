import { describe, expect, it } from "vitest";
import { checkAttachment, MAX_ATTACHMENT_BYTES } from "./file-type.js";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("checkAttachment", () => {
  it("takes the content type from the extension when the bytes match", () => {
    expect(checkAttachment("screen.PNG", PNG)).toEqual({ fileName: "screen.PNG", contentType: "image/png" });
    expect(checkAttachment("notes.txt", Buffer.from("hello\n"))).toMatchObject({ contentType: "text/plain; charset=utf-8" });
    expect(checkAttachment("../../etc/passwd.txt", Buffer.from("x")).fileName).toBe(".._.._etc_passwd.txt");
  });

  it("refuses HTML, unknown types, mismatched bytes, binary text, empty and oversized files", () => {
    const code = (name: string, data: Buffer) => {
      try {
        checkAttachment(name, data);
        return "accepted";
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code("page.html", Buffer.from("<script>"))).toBe("attachment-type-not-allowed");
    expect(code("image.svg", Buffer.from("<svg/>"))).toBe("attachment-type-not-allowed");
    expect(code("noextension", PNG)).toBe("attachment-type-not-allowed");
    expect(code("fake.pdf", Buffer.from("<html>"))).toBe("attachment-content-mismatch");
    expect(code("fake.png", Buffer.from("GIF89a"))).toBe("attachment-content-mismatch");
    expect(code("bin.txt", Buffer.from([0x41, 0, 0x42]))).toBe("attachment-content-mismatch");
    expect(code("latin1.txt", Buffer.from([0xe9, 0x41]))).toBe("attachment-content-mismatch");
    expect(code("empty.txt", Buffer.alloc(0))).toBe("attachment-empty");
    expect(code("big.txt", Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x41))).toBe("attachment-too-large");
  });
});
