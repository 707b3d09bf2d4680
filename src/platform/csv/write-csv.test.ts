import { expect, it } from "vitest";
import { writeCsv } from "./write-csv.js";

it("quotes, escapes formulas in text, keeps numbers, and writes dates and booleans as words", () => {
  expect(writeCsv([["=SUM(A1)", "a,b", 'say "hi"', null, 3, -1, "-1", true, new Date(0), "x\ny", undefined, "\tx", "@me"]])).toBe(
    `'=SUM(A1),"a,b","say ""hi""",,3,-1,'-1,true,1970-01-01T00:00:00.000Z,"x\ny",,'\tx,'@me\r\n`,
  );
  expect(writeCsv([["a"], ["b"]])).toBe("a\r\nb\r\n");
});
