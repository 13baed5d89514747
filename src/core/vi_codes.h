/* vi_codes.h - the Vietnamese words a clerk types in a CSV file for a coded value ("nữ",
 * "chính thức", "hoàn thành tốt nhiệm vụ"), read as the code the English column takes. */
#ifndef CADRE_VI_CODES_H
#define CADRE_VI_CODES_H

/* The code that value stands for in a column of kind "sex" (male, female), "status"
 * (probationary, official, exempt, suspended, removed, expelled, deceased, transferred_out),
 * "grade" (excellent, good, complete, not_complete) or "step" (self, proposal, decision),
 * when value is one of its Vietnamese words, with or without accents, in any case, with
 * surrounding spaces: "Nữ", "nu", "CHÍNH THỨC", "Hoàn thành xuất sắc nhiệm vụ". NULL when it
 * is not (the English codes themselves included: the caller parses those as before). */
const char *vi_code(const char *kind, const char *value);

/* value itself, or the code its Vietnamese words stand for (vi_code). */
const char *vi_code_or(const char *kind, const char *value);

#endif
