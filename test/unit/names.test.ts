import { describe, expect, it } from "vitest";
import { isGroupAddress, sameOrganisation } from "../../src/names";

describe("two addresses of one organisation", () => {
  it.each([
    ["signe@hillerod-musikskole.dk", "mads@hillerod-musikskole.dk", true],
    ["Signe@Firma.dk", "mads@firma.dk", true],
    ["anna@gmail.com", "bo@gmail.com", false],
    ["anna@hotmail.dk", "bo@hotmail.dk", false],
    ["anna@yahoo.co.uk", "bo@yahoo.co.uk", false],
    ["anna@proton.me", "bo@proton.me", false],
    ["anna@firma.dk", "bo@firma.com", false],
    ["anna@firma.dk", "bo@sub.firma.dk", false],
  ])("%s and %s: %s", (a, b, same) => {
    expect(sameOrganisation(a, b)).toBe(same);
  });
});

describe("a list address", () => {
  it.each(["patients@clinic.ie", "residents@building.org", "beboere@afd7.dk", "deltagere@kursus.dk", "students@school.dk"])("%s", (address) => {
    expect(isGroupAddress(address)).toBe(true);
  });
  it("a person's address is not one", () => {
    expect(isGroupAddress("patricia@clinic.ie")).toBe(false);
  });
});
