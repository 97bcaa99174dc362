#ifndef MEDCRED_CSODIUM_SHIM_H
#define MEDCRED_CSODIUM_SHIM_H
#include <sodium.h>
#endif
