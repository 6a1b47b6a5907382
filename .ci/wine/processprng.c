/* A stand-in for ProcessPrng (bcryptprimitives.dll) for the Wine tests in .ci/run only; it is
 * never shipped. Rust's standard library (1.78 and later) gets random bytes from ProcessPrng,
 * which every Windows 10 and 11 has but Wine 8 (Debian 12) lacks, so a Rust program would not
 * start under Wine without it. This one fills the buffer from RtlGenRandom (advapi32's
 * SystemFunction036), in pieces small enough for its ULONG length. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG piece = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, piece)) {
            return FALSE;
        }
        data += piece;
        length -= piece;
    }
    return TRUE;
}
