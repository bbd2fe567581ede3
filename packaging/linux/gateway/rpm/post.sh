# onedial-gateway: create the service user and tell systemd about the unit. The service is not
# enabled or started: it needs `onedial-gateway init` and `account set` first.
systemd-sysusers /usr/lib/sysusers.d/onedial-gateway.conf || :
if [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null 2>&1 || :
fi
