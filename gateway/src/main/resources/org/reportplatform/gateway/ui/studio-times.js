/*
 * studio-times.js: publication times in the person's own time zone. The server writes every
 * time in the studio's zone (Genève) or the zone the schedule was set in; the browser knows the
 * person's zone, so this rewrites what the server could only guess:
 *   <time datetime="…Z" data-your-time>  -> the instant in the browser's zone, with its name;
 *   <time datetime="…Z" data-schedule-zone="Europe/Zurich"> -> followed by « soit … à votre heure »
 *   when the browser's zone is another one.
 * Without the script the page still says every time, in the studio's zone.
 */
(function () {
    'use strict';

    var zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
        return;
    }
    if (!zone) {
        return;
    }
    var format = new Intl.DateTimeFormat('fr-FR', {
        day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone
    });
    var place = zone === 'Europe/Zurich' ? 'Genève' : zone.substring(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');

    function said(time) {
        var instant = new Date(time.getAttribute('datetime'));
        if (isNaN(instant.getTime())) {
            return null;
        }
        return format.format(instant) + ' (' + place + ')';
    }

    Array.prototype.forEach.call(document.querySelectorAll('time[data-your-time]'), function (time) {
        var text = said(time);
        if (text) {
            time.textContent = text;
        }
    });

    Array.prototype.forEach.call(document.querySelectorAll('time[data-schedule-zone]'), function (time) {
        if (time.getAttribute('data-schedule-zone') === zone) {
            return;
        }
        var text = said(time);
        if (text) {
            var yours = document.createElement('span');
            yours.className = 'your-time';
            yours.textContent = ', soit le ' + text + ' à votre heure';
            time.insertAdjacentElement('afterend', yours);
        }
    });
})();
