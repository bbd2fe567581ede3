# onedial-gateway: forget the unit; on upgrade ($1 >= 1) restart a gateway that was running. The
# state folder /var/lib/onedial-gateway (with the audit log) and the user are kept.
if [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart onedial-gateway.service >/dev/null 2>&1 || :
    fi
fi
