#include "HttpServer.h"
