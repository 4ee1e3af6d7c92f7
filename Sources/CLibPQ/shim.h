#ifndef CHRONOGRAPH_CLIBPQ_SHIM_H
#define CHRONOGRAPH_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
